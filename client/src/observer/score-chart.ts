import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScoreboardEntry, ScorePoint } from '../../../shared/model.js';
import { formatClockTime, scoreTicks, timeTicks } from './chart-ticks.js';

/** Line colours for up to eight teams, chosen to stay apart on a dark background. */
const palette = ['#4dabf7', '#f783ac', '#8ce99a', '#ffd43b', '#b197fc', '#ffa94d', '#66d9e8', '#e9ecef'];

/** Drawing size in SVG units. The SVG scales to its container, so the labels scale with it. */
const width = 960;
const height = 400;
/** Room for the score labels on the left and the time labels below. */
const left = 72;
const right = 24;
const top = 20;
const bottom = 48;
const labelSize = 22;

/**
 * Score over time of every team, as step lines: a score stays level until the next change.
 * The x axis shows wall-clock times in the viewer's time zone, the y axis a few round scores.
 */
@customElement('score-chart')
export class ScoreChart extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; }
    .axis { stroke: currentColor; opacity: 0.5; }
    .grid { stroke: currentColor; opacity: 0.15; }
    .legend { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 8px 0 0; padding: 0; list-style: none; }
    .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 6px; border-radius: 2px; vertical-align: middle; }
  `;

  @property({ attribute: false }) series: ScorePoint[] = [];
  @property({ attribute: false }) teams: ScoreboardEntry[] = [];
  /** Wall-clock time (epoch ms) the lines run to, so the latest scores show as flat steps. */
  @property({ attribute: false }) endAt = 0;

  override render() {
    if (this.series.length === 0) {
      return html`<p data-testid="score-chart-empty">No score changes yet.</p>`;
    }
    const start = this.series[0]!.at;
    const end = Math.max(this.series.at(-1)!.at, this.endAt, start + 1);
    const yTicks = scoreTicks(Math.max(1, ...this.series.flatMap((point) => Object.values(point.scores))));
    const yMax = yTicks.at(-1)!;
    const x = (at: number) => left + ((at - start) / (end - start)) * (width - left - right);
    const y = (score: number) => height - bottom - (Math.max(0, score) / yMax) * (height - top - bottom);

    const lines = this.teams.map((team, index) => {
      let previous = 0;
      const points: string[] = [];
      for (const point of this.series) {
        const score = point.scores[team.teamId] ?? previous;
        points.push(`${x(point.at)},${y(previous)}`, `${x(point.at)},${y(score)}`);
        previous = score;
      }
      points.push(`${x(end)},${y(previous)}`);
      const colour = palette[index % palette.length];
      return svg`<polyline data-testid="score-line" fill="none" stroke-width="4" stroke=${colour} points=${points.join(' ')}></polyline>`;
    });

    const yLabels = yTicks.map(
      (tick) => svg`<line class="grid" x1=${left} y1=${y(tick)} x2=${width - right} y2=${y(tick)}></line>
        <text data-testid="score-chart-y-label" x=${left - 10} y=${y(tick)} fill="currentColor" font-size=${labelSize} text-anchor="end" dominant-baseline="middle">${tick}</text>`,
    );
    const xTicks = timeTicks(start, end);
    // A span inside one minute has no round tick, so the first change gets the only label.
    if (xTicks.length === 0) {
      xTicks.push(start);
    }
    const xLabels = xTicks.map(
      (tick) => svg`<line class="axis" x1=${x(tick)} y1=${height - bottom} x2=${x(tick)} y2=${height - bottom + 6}></line>
        <text data-testid="score-chart-x-label" x=${x(tick)} y=${height - bottom + 32} fill="currentColor" font-size=${labelSize} text-anchor="middle">${formatClockTime(tick)}</text>`,
    );

    return html`
      <svg data-testid="score-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Score of each team over time">
        ${yLabels}
        <line class="axis" x1=${left} y1=${height - bottom} x2=${width - right} y2=${height - bottom}></line>
        <line class="axis" x1=${left} y1=${top} x2=${left} y2=${height - bottom}></line>
        ${xLabels}
        ${lines}
      </svg>
      <ul class="legend">
        ${this.teams.map(
          (team, index) => html`<li><span class="swatch" style="background:${palette[index % palette.length]}"></span>${team.teamName}</li>`,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'score-chart': ScoreChart;
  }
}
