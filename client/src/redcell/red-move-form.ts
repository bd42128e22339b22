import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { RedCatalog, RedMoveView, TechniqueParamView, TechniqueView } from '../../../shared/red-blue.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { collectParams, formOrder, paramNameOfField, paramOptions, paramPlaceholder, preselectSingleChoices } from './move-params.js';
import { describeOutcome, teamLabel, type TeamName } from './move-status.js';

/** Key of the form-wide error, beside the per-parameter ones. */
const formErrorKey = '';

/**
 * The move form of one technique, built from its parameter views: a select box of the account's
 * resources for resource parameters, a text or number field otherwise, each with its default.
 * Choosing another technique resets every field, the target team included, so a move is never
 * aimed at one team by a choice made for an earlier technique.
 * It sends `red:move` itself and fires `move-submitted` with the server's view of the move.
 */
@customElement('red-move-form')
export class RedMoveForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .field-error {
        color: var(--color-danger);
        margin: 4px 0 0;
      }
      [aria-invalid='true'] {
        border-color: var(--color-danger);
      }
      .help {
        margin: 4px 0 0;
        font-size: 0.9em;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property({ attribute: false }) technique: TechniqueView | null = null;
  @property({ attribute: false }) catalog: RedCatalog | null = null;
  @property({ attribute: false }) teams: TeamName[] = [];
  /** The red cell's moves, so the status line follows the facilitator's decision on the move sent from here. */
  @property({ attribute: false }) moves: RedMoveView[] = [];
  /** Set while the facilitator has paused the red cell, so the form sends nothing. */
  @property({ type: Boolean }) paused = false;

  @state() private values: Record<string, string> = {};
  @state() private teamId = '';
  /** Messages by parameter name. The empty name contains the error of the whole move. */
  @state() private errors: Record<string, string> = {};
  @state() private status = '';
  @state() private busy = false;
  /** The move sent from this form while it waits for approval, or '' once decided. */
  private waitingMoveId = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const previous = changed.get('technique') as TechniqueView | null | undefined;
    if (changed.has('technique') && previous?.id !== this.technique?.id) {
      this.values = this.technique && this.catalog ? preselectSingleChoices(this.technique, this.catalog.targets, {}) : {};
      this.teamId = '';
      this.errors = {};
      this.status = '';
      this.waitingMoveId = '';
    } else if (changed.has('catalog') && this.technique && this.catalog) {
      // The targets are fetched again after each applied move, and a list may now have one entry.
      this.values = preselectSingleChoices(this.technique, this.catalog.targets, this.values);
    }
    if (changed.has('moves') && this.waitingMoveId) {
      this.followDecision();
    }
  }

  override render() {
    const technique = this.technique;
    const catalog = this.catalog;
    if (!technique || !catalog) {
      return html`<p class="muted">Choose a technique from the catalog.</p>`;
    }
    const formError = this.errors[formErrorKey];
    return html`<form @submit=${this.onSubmit} novalidate data-testid="red-move-form" aria-label=${`Move: ${technique.name}`}>
      ${formOrder(technique.params).map((param) => this.renderParam(param, catalog))}
      <div class="field">
        <label for="move-team">Target team</label>
        <select id="move-team" data-testid="move-team" .value=${live(this.teamId)} @change=${(event: Event) => (this.teamId = (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.teamId === ''}>All teams</option>
          ${this.teams.map((team) => html`<option value=${team.id} ?selected=${team.id === this.teamId}>${team.name}</option>`)}
        </select>
      </div>
      <button type="submit" class="primary" data-testid="move-submit" ?disabled=${this.busy || this.paused}>
        ${this.busy ? 'Sending…' : `Make move against: ${teamLabel(this.teamId || null, this.teams)}`}
      </button>
      ${this.paused ? html`<p class="muted">The facilitator has paused the red cell; moves can be sent again once it is resumed.</p>` : null}
      ${formError ? html`<p class="error" role="alert" data-testid="move-error">${formError}</p>` : null}
      <p role="status" class="muted" data-testid="move-status">${this.status}</p>
    </form>`;
  }

  /** Moves the keyboard focus to the first field of the form. Returns false when no technique is open. */
  focusFirstField(): boolean {
    const field = this.renderRoot.querySelector<HTMLElement>('form input, form select');
    field?.focus();
    return field !== null;
  }

  private renderParam(param: TechniqueParamView, catalog: RedCatalog) {
    const id = `param-${param.name}`;
    const error = this.errors[param.name];
    const describedBy = [param.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const options = paramOptions(param, catalog.targets);
    const value = this.values[param.name] ?? '';
    const onInput = (event: Event) => this.setValue(param.name, (event.target as HTMLInputElement | HTMLSelectElement).value);

    const control = options
      ? html`<select
          id=${id}
          data-testid=${`move-param-${param.name}`}
          data-kind=${param.kind}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${error ? 'true' : 'false'}
          @change=${onInput}
        >
          <option value="" ?selected=${value === ''}>${emptyChoice(param)}</option>
          ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
        </select>`
      : html`<input
          id=${id}
          type=${param.kind === 'number' ? 'number' : 'text'}
          data-testid=${`move-param-${param.name}`}
          data-kind=${param.kind}
          placeholder=${paramPlaceholder(param, catalog.defaults)}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${value}
          @input=${onInput}
        />`;

    return html`<div class="field">
      <label for=${id}>${param.label}${param.required ? '' : html` <span class="muted">(optional)</span>`}</label>
      ${control}
      ${param.help ? html`<p class="help muted" id=${`${id}-help`}>${param.help}</p>` : null}
      ${error ? html`<p class="field-error" id=${`${id}-error`} data-testid="move-param-error">${error}</p>` : null}
    </div>`;
  }

  private setValue(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
    if (this.errors[name]) {
      const { [name]: _cleared, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const technique = this.technique;
    if (!technique || !this.socket || this.busy || this.paused) {
      return;
    }
    const collected = collectParams(technique, this.values);
    if (!collected.ok) {
      this.errors = { ...collected.errors, [formErrorKey]: 'Check the fields marked above, then send the move again.' };
      this.status = '';
      return;
    }

    this.busy = true;
    this.errors = {};
    this.status = '';
    const techniqueId = technique.id;
    const payload = this.teamId ? { techniqueId: technique.id, params: collected.params, teamId: this.teamId } : { techniqueId: technique.id, params: collected.params };
    const result = await request(this.socket, 'red:move', payload);
    this.busy = false;
    // The red cell may have opened another technique while the move was on its way, and the
    // response must not show on that technique's form.
    const stillOpen = this.technique?.id === techniqueId;

    if (!result.ok) {
      if (!stillOpen) {
        return;
      }
      const message = describeError(result.error);
      const paramName = paramNameOfField(result.error.field, technique);
      if (paramName) {
        this.errors = { [paramName]: message, [formErrorKey]: 'The move was not made. Fix the field marked above, then send it again.' };
      } else {
        this.errors = { [formErrorKey]: `The move was not made: ${message}` };
      }
      return;
    }
    if (stillOpen) {
      this.waitingMoveId = result.data.status === 'awaiting-approval' ? result.data.id : '';
      this.status = result.data.status === 'awaiting-approval' ? "Move sent; it waits for the facilitator's approval." : describeOutcome(result.data);
    }
    this.dispatchEvent(new CustomEvent<RedMoveView>('move-submitted', { detail: result.data, bubbles: true, composed: true }));
  }

  /** Replaces "waits for approval" with the outcome once the facilitator approved or rejected the move. */
  private followDecision(): void {
    const move = this.moves.find((candidate) => candidate.id === this.waitingMoveId);
    if (!move || move.status === 'awaiting-approval') {
      return;
    }
    this.waitingMoveId = '';
    this.status = move.status === 'applied' ? `The facilitator approved the move. ${describeOutcome(move)}` : describeOutcome(move);
  }
}

function emptyChoice(param: TechniqueParamView): string {
  if (param.defaultValue) {
    return `Default: ${param.defaultValue}`;
  }
  return param.required ? `Choose: ${param.label}` : 'None';
}

declare global {
  interface HTMLElementTagNameMap {
    'red-move-form': RedMoveForm;
  }
}
