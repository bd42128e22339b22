import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { CommandHistory } from './containment-history.js';

/** Maximum command length in characters, as the `containment:run` payload schema sets it. */
const commandMaxLength = 8_192;

/**
 * A one-line AWS CLI prompt. Enter fires `command-submitted` with the command and clears the line,
 * as a shell does. Up and Down browse the commands run from this browser.
 */
@customElement('containment-command-line')
export class ContainmentCommandLine extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .prompt {
        display: flex;
        gap: var(--space);
        align-items: center;
      }
      .sign {
        font-family: var(--font-mono);
        color: var(--color-success);
      }
      input {
        flex: 1;
        font-family: var(--font-mono);
      }
    `,
  ];

  /** Set while a command runs. Enter then does nothing, so a command is not sent twice. */
  @property({ type: Boolean }) busy = false;
  @property({ type: Boolean }) disabled = false;

  @state() private value = '';

  @query('input') private input!: HTMLInputElement;

  private readonly history = new CommandHistory();

  override render() {
    return html`<form class="prompt" @submit=${this.onSubmit}>
        <span class="sign" aria-hidden="true">$</span>
        <input
          id="command"
          type="text"
          aria-label="AWS CLI command"
          aria-describedby="command-hint"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          maxlength=${commandMaxLength}
          placeholder="aws iam list-access-keys --user-name dev-deploy"
          data-testid="containment-input"
          ?disabled=${this.disabled}
          .value=${this.value}
          @input=${(event: Event) => (this.value = (event.target as HTMLInputElement).value)}
          @keydown=${this.onKeyDown}
        />
        <button type="submit" class="primary" data-testid="containment-run" ?disabled=${this.disabled || this.busy}>Run</button>
      </form>
      <p id="command-hint" class="muted">Enter runs the command; the Up and Down arrows recall earlier ones.</p>`;
  }

  /** Puts a command on the line, for example one picked from the help, and focuses it. */
  fill(command: string): void {
    this.value = command;
    void this.updateComplete.then(() => {
      this.input.focus();
      this.input.setSelectionRange(command.length, command.length);
    });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') {
      return;
    }
    const recalled = event.key === 'ArrowUp' ? this.history.older(this.value) : this.history.newer();
    if (recalled === null) {
      return;
    }
    event.preventDefault();
    this.value = recalled;
    // The caret goes to the end of the recalled command, as in a shell.
    void this.updateComplete.then(() => this.input.setSelectionRange(recalled.length, recalled.length));
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const command = this.value.trim();
    if (command === '' || this.busy || this.disabled) {
      return;
    }
    this.history.add(command);
    this.value = '';
    this.dispatchEvent(new CustomEvent<string>('command-submitted', { detail: command, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'containment-command-line': ContainmentCommandLine;
  }
}
