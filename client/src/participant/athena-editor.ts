import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Limits } from '../../../shared/limits.js';
import { sharedStyles } from '../styles/shared-styles.js';
import type { SqlEditor } from './athena-editor-view.js';

const editorLabel = 'SQL query';
const placeholderText = 'One SELECT statement. Ctrl+Enter runs it; Ctrl+Space lists tables and columns.';

/**
 * The SQL editor of the Athena tab. It shows a plain textarea until CodeMirror, loaded as its own
 * chunk, is ready, and keeps that textarea when the chunk cannot be loaded, so queries still run.
 *
 * @fires sql-input - The text changed; `detail` is the whole text.
 * @fires sql-run - The user pressed Ctrl+Enter or Cmd+Enter.
 */
@customElement('athena-editor')
export class AthenaEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      textarea {
        width: 100%;
        min-height: 160px;
        resize: vertical;
        font-family: var(--font-mono);
        font-size: 13px;
      }
    `,
  ];

  /** The query text; setting it from outside (a preset, a history entry) replaces the editor's text. */
  @property() value = '';

  @state() private loadFailed = false;
  @state() private ready = false;

  private editor: SqlEditor | null = null;

  override render() {
    return html`
      <div class="host" ?hidden=${!this.ready}></div>
      ${this.ready
        ? null
        : html`<textarea
            aria-label=${editorLabel}
            data-testid="query-editor"
            spellcheck="false"
            maxlength=${Limits.sqlMaxLength}
            placeholder=${placeholderText}
            .value=${this.value}
            @input=${(event: Event) => this.emitInput((event.target as HTMLTextAreaElement).value)}
            @keydown=${this.onTextareaKeyDown}
          ></textarea>`}
      ${this.loadFailed ? html`<p class="muted" data-testid="query-editor-fallback">The SQL editor could not be loaded, so this plain text box is used; completion is off.</p>` : null}
    `;
  }

  override firstUpdated(): void {
    void this.loadEditor();
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('value') && this.editor && this.editor.text() !== this.value) {
      this.editor.setText(this.value);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.editor?.destroy();
    this.editor = null;
    this.ready = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A move in the DOM disconnects and reconnects the element; the editor is built again.
    if (this.hasUpdated && !this.editor) {
      void this.loadEditor();
    }
  }

  /** Moves keyboard focus into the editor. */
  override focus(): void {
    if (this.editor) {
      this.editor.focus();
    } else {
      this.renderRoot.querySelector('textarea')?.focus();
    }
  }

  private async loadEditor(): Promise<void> {
    let module: typeof import('./athena-editor-view.js');
    try {
      module = await import('./athena-editor-view.js');
    } catch (error) {
      console.warn('Loading the SQL editor failed; the plain text box stays', error);
      this.loadFailed = true;
      return;
    }
    const parent = this.renderRoot.querySelector<HTMLElement>('.host');
    if (!parent || !this.isConnected || this.editor || !(this.renderRoot instanceof ShadowRoot)) {
      return;
    }
    this.editor = module.createSqlEditor({
      parent,
      root: this.renderRoot,
      text: this.value,
      maxLength: Limits.sqlMaxLength,
      label: editorLabel,
      placeholderText,
      onChange: (text) => this.emitInput(text),
      onRun: () => this.dispatchEvent(new CustomEvent('sql-run', { bubbles: true, composed: true })),
    });
    this.ready = true;
  }

  private emitInput(text: string): void {
    this.value = text;
    this.dispatchEvent(new CustomEvent<string>('sql-input', { detail: text, bubbles: true, composed: true }));
  }

  private onTextareaKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('sql-run', { bubbles: true, composed: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athena-editor': AthenaEditor;
  }
  interface HTMLElementEventMap {
    'sql-input': CustomEvent<string>;
    'sql-run': CustomEvent<void>;
  }
}
