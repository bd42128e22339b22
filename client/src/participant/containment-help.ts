import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { containmentCommands } from './containment-commands.js';

/**
 * The supported AWS CLI commands by service, each with an example. "Use" fires `example-picked`
 * with the example, so the panel can put it on the command line for editing.
 */
@customElement('containment-help')
export class ContainmentHelp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      details {
        margin-bottom: 6px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      ul {
        list-style: none;
        margin: 6px 0 0;
        padding: 0;
      }
      li {
        padding: 6px 0;
        border-bottom: 1px solid var(--color-border);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--space);
      }
      code {
        display: block;
        margin-top: 2px;
        font-family: var(--font-mono);
        font-size: 12px;
        overflow-wrap: anywhere;
      }
      code.inline {
        display: inline;
      }
      button {
        font-size: 12px;
        padding: 1px 8px;
      }
    `,
  ];

  override render() {
    return html`<p class="muted">
        Commands run as your team's incident responder in the exercise account, and CloudTrail records them like any other
        call while a trail is logging. Type <code class="inline">aws help</code> for the services, <code class="inline">aws iam help</code> for a
        service's commands, or add <code class="inline">help</code> after a command for its options.
      </p>
      ${containmentCommands.map(
        (group, index) => html`<details ?open=${index === 0} data-testid="containment-help-service">
          <summary>${group.service}</summary>
          <ul>
            ${group.commands.map(
              (command) => html`<li data-testid="containment-help-command" data-command=${`aws ${group.service} ${command.command}`}>
                <div class="head">
                  <strong class="mono">${command.command}</strong>
                  <button type="button" aria-label=${`Use the example of ${group.service} ${command.command}`} @click=${() => this.pick(command.example)}>
                    Use
                  </button>
                </div>
                <div class="muted">${command.purpose}</div>
                <code data-testid="containment-help-example">${command.example}</code>
              </li>`,
            )}
          </ul>
        </details>`,
      )}`;
  }

  private pick(example: string): void {
    this.dispatchEvent(new CustomEvent<string>('example-picked', { detail: example, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'containment-help': ContainmentHelp;
  }
}
