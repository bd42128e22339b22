import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ContainmentResult } from '../../../shared/red-blue.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './containment-command-line.js';
import type { ContainmentCommandLine } from './containment-command-line.js';
import './containment-help.js';
import './containment-transcript.js';

/** Space under the console in pixels, the bottom padding of the participant view's main area. */
const bottomGapPx = 16;
/** Smallest console height in pixels; on a shorter window the page scrolls instead. */
const minConsoleHeightPx = 320;

/**
 * The blue team's containment console: AWS CLI commands run against the team's copy of the
 * account, and the transcript of every command the team ran, teammates' included. The console
 * fills the window below the page header, so the transcript scrolls inside it and the command
 * line stays in view at its bottom.
 */
@customElement('containment-panel')
export class ContainmentPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(260px, 1fr);
        gap: 16px;
        align-items: start;
      }
      /* --console-height is set from the window height once the panel is shown. */
      .console {
        display: flex;
        flex-direction: column;
        gap: var(--space);
        height: var(--console-height, auto);
        --containment-log-max-height: none;
      }
      .console > * {
        flex: none;
      }
      .console > containment-transcript {
        flex: 1 1 auto;
        min-height: 0;
      }
      .console > h2,
      .console > p {
        margin: 0;
      }
      /* The command list is long, so it scrolls on its own and the console stays in view beside it. */
      .help {
        position: sticky;
        top: 8px;
        max-height: var(--console-height, calc(100vh - 16px));
        overflow: auto;
      }
      @media (max-width: 1000px) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  /** The participant's connection while it is up, else null. The history is fetched each time it is set. */
  @property({ attribute: false }) socket: AppSocket | null = null;

  @state() private results: ContainmentResult[] = [];
  @state() private running = false;
  @state() private error = '';

  @query('containment-command-line') private commandLine!: ContainmentCommandLine;

  private listening: AppSocket | null = null;

  /** Fits the console again when the panel is shown or resized, or content above it changes height. */
  private readonly resizeObserver = new ResizeObserver(() => this.fitToWindow());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
    this.resizeObserver.observe(document.body);
    window.addEventListener('resize', this.fitToWindow);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('socket')) {
      this.listen(this.socket);
      if (this.socket) {
        void this.loadHistory(this.socket);
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listen(null);
    this.resizeObserver.disconnect();
    window.removeEventListener('resize', this.fitToWindow);
  }

  /**
   * Sets the console's height to the window height below the panel's place on the page. A hidden
   * tab has no box, so it keeps the last height until it is shown again.
   */
  private readonly fitToWindow = (): void => {
    const box = this.getBoundingClientRect();
    if (box.width === 0) {
      return;
    }
    const top = box.top + window.scrollY;
    const height = Math.max(minConsoleHeightPx, Math.floor(window.innerHeight - top - bottomGapPx));
    this.style.setProperty('--console-height', `${height}px`);
  };

  override render() {
    return html`<section class="panel console" aria-labelledby="containment-heading">
        <h2 id="containment-heading">Containment console</h2>
        <containment-transcript .results=${this.results}></containment-transcript>
        <containment-command-line
          .busy=${this.running}
          .disabled=${this.socket === null}
          @command-submitted=${(event: CustomEvent<string>) => this.run(event.detail)}
        ></containment-command-line>
        <p role="status" class="muted" data-testid="containment-running">${this.running ? 'Running…' : ''}</p>
        ${this.error ? html`<p class="error" role="alert" data-testid="containment-error">${this.error}</p>` : null}
      </section>
      <section class="panel help" aria-labelledby="containment-help-heading" data-testid="containment-help-panel">
        <h2 id="containment-help-heading">Supported commands</h2>
        <containment-help @example-picked=${(event: CustomEvent<string>) => this.commandLine.fill(event.detail)}></containment-help>
      </section>`;
  }

  private listen(socket: AppSocket | null): void {
    if (this.listening === socket) {
      return;
    }
    this.listening?.off('containment:recorded', this.onRecorded);
    socket?.on('containment:recorded', this.onRecorded);
    this.listening = socket;
  }

  private readonly onRecorded = (result: ContainmentResult): void => {
    this.add(result);
  };

  private async loadHistory(socket: AppSocket): Promise<void> {
    const result = await request(socket, 'containment:history', undefined);
    if (socket !== this.socket) {
      return;
    }
    if (!result.ok) {
      this.error = `Loading your team's commands failed: ${describeError(result.error)}`;
      return;
    }
    this.error = '';
    // Results broadcast while the history was on its way are kept, and ids keep each result once.
    const known = new Map(result.data.map((entry) => [entry.id, entry]));
    for (const entry of this.results) {
      known.set(entry.id, entry);
    }
    this.results = [...known.values()];
  }

  private async run(command: string): Promise<void> {
    const socket = this.socket;
    if (!socket) {
      return;
    }
    this.running = true;
    this.error = '';
    const result = await request(socket, 'containment:run', { command });
    this.running = false;
    if (!result.ok) {
      this.error = `The command was not run: ${describeError(result.error)} Press the Up arrow to edit it.`;
      return;
    }
    this.add(result.data);
  }

  /** Adds a result once: the runner receives it both as the ack and as the team broadcast. */
  private add(result: ContainmentResult): void {
    if (this.results.some((entry) => entry.id === result.id)) {
      return;
    }
    this.results = [...this.results, result];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'containment-panel': ContainmentPanel;
  }
}
