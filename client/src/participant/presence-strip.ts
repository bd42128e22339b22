import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TeamCollab, TeammatePresence } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { PresenceController } from './presence-controller.js';
import { describeEditing } from './presence-keys.js';

/** A compact line under the tabs: each teammate online, the tab they have open and what they edit. */
@customElement('presence-strip')
export class PresenceStrip extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        padding: 4px 16px;
        font-size: 0.85rem;
        border-bottom: 1px solid var(--color-border);
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 18px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li::before {
        content: '●';
        color: var(--color-success);
        margin-right: 5px;
      }
      .where {
        color: var(--color-muted);
      }
      .editing {
        color: var(--color-medium);
      }
    `,
  ];

  @property({ attribute: false }) collab: TeamCollab | null = null;
  /** Label of each view id a teammate may publish, such as `athena` → `Athena`. */
  @property({ attribute: false }) viewLabels: Record<string, string> = {};

  private readonly presence = new PresenceController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('collab')) {
      this.presence.setCollab(this.collab);
    }
  }

  override render() {
    const teammates = this.presence.teammates;
    if (teammates.length === 0) {
      return null;
    }
    return html`<ul aria-label="Team presence" data-testid="presence-strip">
      ${teammates.map((mate) => this.renderMate(mate))}
    </ul>`;
  }

  private renderMate(mate: TeammatePresence) {
    const view = mate.view ? (this.viewLabels[mate.view] ?? mate.view) : '';
    const editing = mate.editing ? describeEditing(mate.editing, this.collab) : '';
    return html`<li data-testid="presence-mate" data-player-name=${mate.name}>
      <strong>${mate.name}${mate.isSelf ? ' (you)' : ''}</strong>
      ${view ? html`<span class="where" data-testid="presence-view">in ${view}</span>` : null}
      ${editing ? html`<span class="editing" data-testid="presence-editing">editing ${editing}</span>` : null}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-strip': PresenceStrip;
  }
}
