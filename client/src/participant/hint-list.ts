import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { HintView } from '../../../shared/orchestration.js';
import { plural } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** An objective's hints: the opened ones with their text, and a button for the next one with its cost. */
@customElement('hint-list')
export class HintList extends LitElement {
  static override styles = [sharedStyles];

  @property() objectiveId = '';
  @property({ attribute: false }) hints: HintView[] = [];
  @property({ attribute: false }) socket: AppSocket | null = null;

  @state() private busy = false;
  @state() private error = '';

  override render() {
    if (this.hints.length === 0) {
      return null;
    }
    const next = this.hints.find((hint) => !hint.opened);
    return html`
      ${this.hints
        .filter((hint) => hint.opened)
        .map((hint, index) => html`<p class="muted" data-testid="hint-text"><strong>Hint ${index + 1}:</strong> ${hint.text}</p>`)}
      ${next
        ? html`<button type="button" data-testid="hint-open" ?disabled=${this.busy} @click=${() => this.open(next.id)}>
            Open a hint (${next.cost > 0 ? `costs ${plural(next.cost, 'point')}` : 'free'})
          </button>`
        : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
    `;
  }

  private async open(hintId: string): Promise<void> {
    if (!this.socket) {
      return;
    }
    this.busy = true;
    // Opening twice costs once, so a resend after a lost acknowledgement needs no key of its own.
    const result = await request(this.socket, 'hint:open', { objectiveId: this.objectiveId, hintId });
    this.busy = false;
    this.error = result.ok ? '' : `Opening the hint failed: ${describeError(result.error)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hint-list': HintList;
  }
}
