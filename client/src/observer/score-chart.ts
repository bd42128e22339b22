import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScoreboardEntry, ScorePoint } from '../../../shared/model.js';

/** Line colours for up to eight teams, chosen to stay apart on a dark background. */
const palette = ['#4dabf7', '#f783ac', '#8ce99a', '#ffd43b', '#b197fc', '#ffa94d', '#66d9e8', '#e9ecef'];

const width = 720;
const height = 240;
const padding = 32;

/** Score over time of every team, as step lines: a score stays level until the next change. */
@customElement('score-chart')
export class ScoreChart extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; }
    .axis { stroke: currentColor; opacity: 0.4; }
    .legend { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 0; padding: 0; list-style: none; }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; border-radius: 2px; vertical-align: middle; }
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
    const top = Math.max(1, ...this.series.flatMap((point) => Object.values(point.scores)));
    const x = (at: number) => padding + ((at - start) / (end - start)) * (width - 2 * padding);
    const y = (score: number) => height - padding - (Math.max(0, score) / top) * (height - 2 * padding);

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
      return svg`<polyline data-testid="score-line" fill="none" stroke-width="3" stroke=${colour} points=${points.join(' ')}></polyline>`;
    });

    return html`
      <svg data-testid="score-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Score of each team over time">
        <line class="axis" x1=${padding} y1=${height - padding} x2=${width - padding} y2=${height - padding}></line>
        <line class="axis" x1=${padding} y1=${padding} x2=${padding} y2=${height - padding}></line>
        <text x="4" y=${padding} fill="currentColor" font-size="12">${top}</text>
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
