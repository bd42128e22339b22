import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TechniqueView } from '../../../shared/red-blue.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { groupByTactic } from './tactics.js';

/** The technique catalog grouped by ATT&CK tactic. Choosing a technique fires `technique-selected` with its id. */
@customElement('technique-catalog')
export class TechniqueCatalog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-bottom: 12px;
      }
      h3 {
        font-size: 0.85rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--color-muted);
        margin-bottom: 4px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button {
        display: block;
        width: 100%;
        text-align: left;
        margin-bottom: 4px;
      }
      button[aria-pressed='true'] {
        border-color: var(--color-accent);
        background: var(--color-selected);
      }
      .mitre {
        font-family: var(--font-mono);
        font-size: 0.85em;
        color: var(--color-muted);
      }
    `,
  ];

  @property({ attribute: false }) techniques: TechniqueView[] = [];
  @property() selectedId = '';

  override render() {
    if (this.techniques.length === 0) {
      return html`<p class="muted">The catalog is empty.</p>`;
    }
    return groupByTactic(this.techniques).map(
      (group) => html`<section aria-labelledby=${`tactic-${group.tactic}`} data-testid="tactic-group" data-tactic=${group.tactic}>
        <h3 id=${`tactic-${group.tactic}`}>${group.label}</h3>
        <ul>
          ${group.techniques.map(
            (technique) => html`<li>
              <button
                type="button"
                data-testid="technique-item"
                data-technique=${technique.id}
                aria-pressed=${technique.id === this.selectedId ? 'true' : 'false'}
                @click=${() => this.select(technique.id)}
              >
                <span class="mitre">${technique.mitre.id}</span> ${technique.name}
              </button>
            </li>`,
          )}
        </ul>
      </section>`,
    );
  }

  private select(techniqueId: string): void {
    this.dispatchEvent(new CustomEvent<string>('technique-selected', { detail: techniqueId, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'technique-catalog': TechniqueCatalog;
  }
}
