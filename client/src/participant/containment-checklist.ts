import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import type { ChecklistItem } from '../../../shared/collab.js';
import type { TeamCollab } from '../net/team-collab.js';
import { randomId } from '../net/random-id.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { addItem, checklistActionMaxLength, checklistArray, checklistMaxItems, readItems, removeItem, restoreItem, setAction, setDone } from './containment-checklist-store.js';
import { PresenceController } from './presence-controller.js';
import { EditingKey } from './presence-keys.js';

/** How long the undo button of a removal stays, in milliseconds. */
const undoWindowMs = 15_000;

const addErrors = {
  empty: 'Type the containment action first, for example "Deactivate the access key of dev-deploy".',
  'too-long': `An action can have at most ${checklistActionMaxLength} characters. Shorten it or split it into two items.`,
  full: `The checklist has reached its limit of ${checklistMaxItems} items. Remove finished or duplicate items first.`,
} as const;

/** The team's containment checklist: add an action, tick it done, edit or remove it, live for every teammate. */
@customElement('containment-checklist')
export class ContainmentChecklist extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: 8px;
        margin-bottom: var(--space);
      }
      form input {
        flex: 1;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        gap: 8px;
        align-items: center;
        padding: 4px 0;
        border-bottom: 1px solid var(--color-border);
      }
      li input[type='text'] {
        flex: 1;
        min-width: 0;
      }
      li.done input[type='text'] {
        text-decoration: line-through;
        color: var(--color-muted);
      }
      input[type='checkbox'] {
        width: 18px;
        height: 18px;
      }
      .author {
        font-size: 0.85rem;
        white-space: nowrap;
      }
      .editors {
        min-height: 1.3em;
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) collab: TeamCollab | null = null;

  @state() private items: ChecklistItem[] = [];
  @state() private draft = '';
  @state() private error = '';
  @state() private removed: { item: ChecklistItem; index: number } | null = null;

  private readonly presence = new PresenceController(this);
  private observed: { collab: TeamCollab; array: Y.Array<Y.Map<unknown>> } | null = null;
  private undoTimer: number | undefined;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('collab')) {
      this.presence.setCollab(this.collab);
      this.observe(this.collab);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.collab && !this.observed) {
      this.observe(this.collab);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observe(null);
    window.clearTimeout(this.undoTimer);
  }

  override render() {
    const done = this.items.filter((item) => item.done).length;
    const editors = this.presence.editorsOf(EditingKey.checklist).map((mate) => mate.name);
    return html`<section class="panel" aria-labelledby="checklist-title" @focusin=${this.onFocusIn} @focusout=${this.onFocusOut}>
      <h2 id="checklist-title">Containment checklist</h2>
      <p class="muted" data-testid="checklist-progress">${this.items.length === 0 ? 'No actions yet.' : `${done} of ${this.items.length} done`}</p>
      <form @submit=${this.onAdd}>
        <input
          type="text"
          aria-label="New containment action"
          data-testid="checklist-new"
          maxlength=${checklistActionMaxLength}
          placeholder="For example: Deactivate access key AKIA… of dev-deploy"
          .value=${this.draft}
          ?disabled=${!this.collab}
          @input=${(event: Event) => (this.draft = (event.target as HTMLInputElement).value)}
        />
        <button class="primary" type="submit" data-testid="checklist-add" ?disabled=${!this.collab}>Add</button>
      </form>
      ${this.error ? html`<p class="error" role="alert" data-testid="checklist-error">${this.error}</p>` : null}
      ${this.removed
        ? html`<p class="row" role="status" data-testid="checklist-removed">
            Removed “${this.removed.item.action}”.
            <button type="button" data-testid="checklist-undo" @click=${this.undoRemove}>Undo</button>
          </p>`
        : null}
      <ul data-testid="checklist">
        ${repeat(this.items, (item) => item.id, (item, index) => this.renderItem(item, index))}
      </ul>
      <p class="muted editors" role="status" data-testid="checklist-editors">${editors.length > 0 ? `Also editing: ${editors.join(', ')}` : ''}</p>
    </section>`;
  }

  private renderItem(item: ChecklistItem, index: number) {
    return html`<li class=${item.done ? 'done' : ''} data-testid="checklist-item" data-done=${String(item.done)}>
      <input
        type="checkbox"
        aria-label=${`Done: ${item.action}`}
        data-testid="checklist-done"
        .checked=${item.done}
        @change=${(event: Event) => this.withDoc((doc) => setDone(doc, item.id, (event.target as HTMLInputElement).checked))}
      />
      <input
        type="text"
        aria-label=${`Action ${index + 1}`}
        data-testid="checklist-action"
        maxlength=${checklistActionMaxLength}
        .value=${item.action}
        @change=${(event: Event) => this.onEdit(item, event.target as HTMLInputElement)}
      />
      <span class="muted author" data-testid="checklist-author">by ${item.author || 'unknown'}</span>
      <button type="button" class="danger" data-testid="checklist-remove" aria-label=${`Remove ${item.action}`} @click=${() => this.removeWithUndo(item)}>
        Remove
      </button>
    </li>`;
  }

  private onAdd(event: Event): void {
    event.preventDefault();
    const author = this.collab?.teammates().find((mate) => mate.isSelf)?.name ?? '';
    const result = this.withDoc((doc) => addItem(doc, randomId(), this.draft, author));
    if (!result) {
      return;
    }
    if (result.added) {
      this.draft = '';
      this.error = '';
    } else {
      this.error = addErrors[result.reason];
    }
  }

  private onEdit(item: ChecklistItem, input: HTMLInputElement): void {
    const saved = this.withDoc((doc) => setAction(doc, item.id, input.value));
    if (saved === false) {
      input.value = item.action;
      this.error = 'An action cannot be empty; the previous text was kept. Use Remove to delete the item.';
    } else {
      this.error = '';
    }
  }

  private removeWithUndo(item: ChecklistItem): void {
    const removed = this.withDoc((doc) => removeItem(doc, item.id));
    if (!removed) {
      return;
    }
    this.removed = removed;
    window.clearTimeout(this.undoTimer);
    this.undoTimer = window.setTimeout(() => (this.removed = null), undoWindowMs);
  }

  private undoRemove(): void {
    const removed = this.removed;
    if (removed) {
      this.withDoc((doc) => restoreItem(doc, removed));
    }
    this.removed = null;
    window.clearTimeout(this.undoTimer);
  }

  private withDoc<T>(change: (doc: Y.Doc) => T): T | undefined {
    const doc = this.observed?.collab.doc;
    return doc ? change(doc) : undefined;
  }

  private readonly onFocusIn = (): void => {
    this.presence.startEditing(EditingKey.checklist);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const section = event.currentTarget as HTMLElement;
    if (!(event.relatedTarget instanceof Node) || !section.contains(event.relatedTarget)) {
      this.presence.stopEditing(EditingKey.checklist);
    }
  };

  private readonly refresh = (): void => {
    this.items = this.observed ? readItems(this.observed.collab.doc) : [];
  };

  private observe(collab: TeamCollab | null): void {
    this.observed?.array.unobserveDeep(this.refresh);
    this.observed = collab ? { collab, array: checklistArray(collab.doc) } : null;
    this.observed?.array.observeDeep(this.refresh);
    this.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'containment-checklist': ContainmentChecklist;
  }
}
