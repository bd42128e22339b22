import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { reportFragmentName, type ReportSection } from '../../../shared/collab.js';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import type { FormatName, ReportEditor } from './ir-report-editor-view.js';
import { ReportSectionText } from './ir-report-sections.js';
import { PresenceController } from './presence-controller.js';
import { EditingKey } from './presence-keys.js';

const formats: { name: FormatName; label: string; text: string; shortcut: string }[] = [
  { name: 'bold', label: 'Bold', text: 'B', shortcut: 'Control+B' },
  { name: 'italic', label: 'Italic', text: 'I', shortcut: 'Control+I' },
  { name: 'bullet-list', label: 'Bullet list', text: '• List', shortcut: '' },
  { name: 'heading', label: 'Heading', text: 'H', shortcut: '' },
];

/** One section of the IR report: its heading, a formatting toolbar and the shared rich-text editor. */
@customElement('ir-report-section')
export class IrReportSection extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: baseline;
      }
      .head h3 {
        margin: 0;
      }
      [role='toolbar'] {
        display: flex;
        gap: 4px;
        margin: 6px 0;
      }
      [role='toolbar'] button {
        padding: 2px 10px;
        min-width: 34px;
      }
      [data-format='bold'] {
        font-weight: 700;
      }
      [data-format='italic'] {
        font-style: italic;
      }
      [role='toolbar'] button[aria-pressed='true'] {
        background: var(--color-selected);
        border-color: var(--color-accent);
      }
      .editor {
        position: relative;
      }
      .ProseMirror {
        min-height: 80px;
        padding: 8px 10px;
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        background: var(--color-bg);
        white-space: pre-wrap;
        word-wrap: break-word;
        font-variant-ligatures: none;
        outline: none;
      }
      .ProseMirror:focus-visible,
      .ProseMirror:focus {
        outline: 2px solid var(--color-accent);
        outline-offset: 1px;
      }
      .ProseMirror p {
        margin: 0 0 6px;
      }
      .ProseMirror h3 {
        margin: 6px 0;
      }
      .ProseMirror ul,
      .ProseMirror ol {
        margin: 0 0 6px;
        padding-left: 22px;
      }
      .ProseMirror-hideselection *::selection {
        background: transparent;
      }
      .remote-cursor {
        position: relative;
        margin: 0 -1px;
        border-left: 2px solid;
        pointer-events: none;
        word-break: normal;
      }
      .remote-cursor::after {
        content: attr(data-name);
        background: var(--cursor-colour);
        position: absolute;
        top: -1.35em;
        left: -2px;
        padding: 0 4px;
        border-radius: 3px 3px 3px 0;
        color: var(--color-accent-text);
        font-size: 11px;
        font-weight: 600;
        line-height: 1.3;
        white-space: nowrap;
        user-select: none;
      }
      .editors {
        min-height: 1.3em;
        margin: 4px 0 0;
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) collab: TeamCollab | null = null;
  @property() section: ReportSection = 'summary';

  @state() private active: Record<FormatName, boolean> = { bold: false, italic: false, 'bullet-list': false, heading: false };
  @state() private loadError = '';

  private readonly presence = new PresenceController(this);
  private editor: ReportEditor | null = null;
  private boundTo: TeamCollab | null = null;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('collab')) {
      this.presence.setCollab(this.collab);
    }
  }

  override updated(): void {
    if (this.collab !== this.boundTo) {
      void this.bind(this.collab);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbind();
  }

  override render() {
    const text = ReportSectionText[this.section];
    const headingId = `section-${this.section}`;
    const editors = this.presence.editorsOf(EditingKey.report(this.section)).map((mate) => mate.name);
    return html`
      <div class="head">
        <h3 id=${headingId}>${text.title}</h3>
        <span class="muted">${text.prompt}</span>
      </div>
      <div role="toolbar" aria-label=${`Formatting of ${text.title}`} aria-controls=${`editor-${this.section}`}>
        ${formats.map(
          (format) => html`<button
            type="button"
            aria-label=${format.label}
            aria-pressed=${this.active[format.name] ? 'true' : 'false'}
            title=${format.shortcut ? `${format.label} (${format.shortcut})` : format.label}
            data-testid=${`report-format-${format.name}`}
            data-format=${format.name}
            ?disabled=${!this.editor}
            @mousedown=${(event: MouseEvent) => event.preventDefault()}
            @click=${() => this.editor?.format(format.name)}
          >
            ${format.text}
          </button>`,
        )}
      </div>
      <div class="editor" id=${`editor-${this.section}`} data-section=${this.section}></div>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : null}
      <p class="muted editors" role="status" data-testid="report-editors">${editors.length > 0 ? `Also writing here: ${editors.join(', ')}` : ''}</p>
    `;
  }

  private async bind(collab: TeamCollab | null): Promise<void> {
    this.unbind();
    this.boundTo = collab;
    if (!collab) {
      return;
    }

    let module: typeof import('./ir-report-editor-view.js');
    try {
      module = await import('./ir-report-editor-view.js');
    } catch (error) {
      console.warn('Loading the report editor failed', error);
      this.loadError = 'The report editor could not be loaded. Reload the page to try again.';
      return;
    }
    const parent = this.renderRoot.querySelector<HTMLElement>('.editor');
    if (this.boundTo !== collab || !parent) {
      return;
    }

    const title = ReportSectionText[this.section].title;
    this.editor = module.createReportEditor({
      parent,
      fragment: collab.doc.getXmlFragment(reportFragmentName(this.section)),
      awareness: collab.provider.awareness,
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': `${title} section of the IR report`,
        'data-testid': `report-editor-${this.section}`,
        spellcheck: 'true',
      },
      onFocusChange: (focused) => {
        const key = EditingKey.report(this.section);
        if (focused) {
          this.presence.startEditing(key);
        } else {
          this.presence.stopEditing(key);
        }
      },
      onSelectionChange: () => this.refreshActive(),
    });
    this.refreshActive();
  }

  private unbind(): void {
    this.editor?.destroy();
    this.editor = null;
    this.boundTo = null;
    this.renderRoot.querySelector('.editor')?.replaceChildren();
  }

  private refreshActive(): void {
    const editor = this.editor;
    if (!editor) {
      return;
    }
    this.active = {
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      'bullet-list': editor.isActive('bullet-list'),
      heading: editor.isActive('heading'),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ir-report-section': IrReportSection;
  }
}
