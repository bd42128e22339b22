import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ContainmentResult } from '../../../shared/red-blue.js';
import { formatUtc } from '../app/format.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * The team's containment commands, oldest first like a terminal: the command, who ran it and
 * when, the CLI's output or error, and the points it earned or cost. The list is an ARIA log, so
 * screen readers announce each new command's result.
 */
@customElement('containment-transcript')
export class ContainmentTranscript extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* A container may set --containment-log-max-height to none and size the log by its own height. */
      :host {
        display: flex;
        flex-direction: column;
      }
      .log {
        flex: 1 1 auto;
        min-height: 4em;
        max-height: var(--containment-log-max-height, 60vh);
        overflow: auto;
        background: var(--color-bg);
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 8px 10px;
        border-bottom: 1px solid var(--color-border);
      }
      .command {
        font-family: var(--font-mono);
        overflow-wrap: anywhere;
      }
      .command::before {
        content: '$ ';
        color: var(--color-success);
      }
      pre {
        margin: 6px 0 0;
        font-family: var(--font-mono);
        font-size: 12px;
        white-space: pre-wrap;
        word-break: break-word;
      }
      .failed pre {
        color: var(--color-danger);
      }
      .points-gain {
        color: var(--color-success);
        font-weight: 600;
      }
      .points-loss {
        color: var(--color-danger);
        font-weight: 600;
      }
    `,
  ];

  /** Results in any order. They are shown by time, oldest first. */
  @property({ attribute: false }) results: ContainmentResult[] = [];

  @query('.log') private log!: HTMLDivElement;

  /** Keeps the newest command in view, as a terminal scrolls. */
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('results')) {
      this.log.scrollTop = this.log.scrollHeight;
    }
  }

  override render() {
    const ordered = [...this.results].sort((a, b) => a.at.localeCompare(b.at));
    return html`<div class="log" role="log" aria-label="Containment commands of your team" tabindex="0" data-testid="containment-transcript"><ol>
      ${ordered.length === 0 ? html`<li class="muted" data-testid="containment-empty">No commands run by your team yet.</li>` : null}
      ${repeat(
        ordered,
        (result) => result.id,
        (result) => html`<li class=${entryKind(result)} data-testid="containment-entry" data-ok=${result.ok ? 'true' : 'false'}>
          <div class="command" data-testid="containment-command">${result.command}</div>
          <div class="muted">
            ${result.by} · ${formatUtc(result.at)} UTC${result.scenarioTime ? ` · scenario time ${formatUtc(result.scenarioTime)} UTC` : ''}
            · ${this.renderOutcome(result)}
            ${this.renderPoints(result)}
          </div>
          ${result.reason ? html`<div class=${result.points < 0 ? 'reason points-loss' : 'reason'} data-testid="containment-reason">${result.reason}</div>` : null}
          <pre data-testid="containment-output">${result.output === '' ? html`<span class="muted">(no output)</span>` : result.output}</pre>
        </li>`,
      )}
    </ol></div>`;
  }

  private renderOutcome(result: ContainmentResult) {
    switch (entryKind(result)) {
      case 'ok':
        return 'succeeded';
      case 'not-run':
        return 'not run, only you see this';
      case 'failed':
        return html`failed${result.errorCode ? html` (<span class="mono">${result.errorCode}</span>)` : null}`;
    }
  }

  private renderPoints(result: ContainmentResult) {
    if (result.points === 0 && !result.reason) {
      return null;
    }
    let sign = '';
    if (result.points > 0) {
      sign = '+';
    } else if (result.points < 0) {
      sign = '−';
    }
    const points = `${sign}${Math.abs(result.points)} ${Math.abs(result.points) === 1 ? 'point' : 'points'}`;
    return html`· <span class=${result.points < 0 ? 'points-loss' : 'points-gain'} data-testid="containment-points">${points}</span>`;
  }
}

/**
 * Tells a call that ran from a command the parser rejected, such as a help request or a missing
 * option. The server neither runs nor stores those, and only they have no scenario time.
 */
function entryKind(result: ContainmentResult): 'ok' | 'failed' | 'not-run' {
  if (result.ok) {
    return 'ok';
  }
  return result.scenarioTime === null ? 'not-run' : 'failed';
}

declare global {
  interface HTMLElementTagNameMap {
    'containment-transcript': ContainmentTranscript;
  }
}
