import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type * as Y from 'yjs';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { PresenceController } from './presence-controller.js';
import { EditingKey } from './presence-keys.js';
import { applyTextEdit } from './text-diff.js';

/** The team's free-form notepad, a shared Y.Text that every teammate edits live. */
@customElement('team-notepad')
export class TeamNotepad extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      textarea {
        width: 100%;
        min-height: 50vh;
        resize: vertical;
        font-family: var(--font-mono);
        font-size: 13px;
      }
      .editors {
        min-height: 1.4em;
      }
    `,
  ];

  @property({ attribute: false }) collab: TeamCollab | null = null;

  @state() private text = '';

  private observed: { collab: TeamCollab; notepad: Y.Text } | null = null;
  private readonly presence = new PresenceController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('collab')) {
      this.presence.setCollab(this.collab);
      this.observe(this.collab);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observe(null);
  }

  override render() {
    const names = this.presence.editorsOf(EditingKey.notepad).map((mate) => mate.name).join(', ');
    return html`<section class="panel">
      <h2>Team notepad</h2>
      <p class="muted">Scratch notes for the whole team: indicators, open questions, who checks what.</p>
      <textarea
        aria-label="Team notepad"
        data-testid="notepad"
        spellcheck="false"
        placeholder="Type here; teammates see it as you type."
        .value=${this.text}
        ?disabled=${!this.collab}
        @input=${this.onInput}
        @focus=${() => this.presence.startEditing(EditingKey.notepad)}
        @blur=${() => this.presence.stopEditing(EditingKey.notepad)}
      ></textarea>
      <p class="muted editors" role="status" data-testid="notepad-editors">${names ? `Typing now: ${names}` : ''}</p>
    </section>`;
  }

  private onInput(event: Event): void {
    const notepad = this.observed?.notepad;
    if (!notepad) {
      return;
    }
    const value = (event.target as HTMLTextAreaElement).value;
    applyTextEdit(notepad, value);
    this.text = value;
  }

  private readonly onTextChanged = (_event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (!transaction.local) {
      this.applyRemoteText();
    }
  };

  /** Takes the remote text while keeping the caret at the same distance from the end when the edit came before it. */
  private applyRemoteText(): void {
    const next = this.observed?.notepad.toString() ?? '';
    const area = this.renderRoot.querySelector('textarea');
    if (area && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === area) {
      const start = area.selectionStart;
      const prefixUnchanged = next.slice(0, start) === area.value.slice(0, start);
      const caret = prefixUnchanged ? start : Math.max(0, next.length - (area.value.length - start));
      area.value = next;
      area.setSelectionRange(caret, caret);
    }
    this.text = next;
  }

  private observe(collab: TeamCollab | null): void {
    if (this.observed) {
      this.observed.notepad.unobserve(this.onTextChanged);
    }
    this.observed = collab ? { collab, notepad: collab.notepad() } : null;
    if (this.observed) {
      this.observed.notepad.observe(this.onTextChanged);
    }
    this.text = this.observed?.notepad.toString() ?? '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-notepad': TeamNotepad;
  }
}
