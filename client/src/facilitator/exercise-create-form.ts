import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ScenarioListing } from '../../../shared/events.js';
import { Limits } from '../../../shared/limits.js';
import type { ExerciseSummary } from '../../../shared/model.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

const defaultTeamNames = ['Blue', 'Green'];

/** Scenario of the README's first exercise, which the form preselects when the server lists it. */
const preferredScenarioId = 'apexcorp-prod';

/** Returns the scenario the form starts with: the preferred one when present, otherwise the first listed. */
export function defaultScenario(scenarios: readonly ScenarioListing[]): ScenarioListing | undefined {
  return scenarios.find((scenario) => scenario.id === preferredScenarioId) ?? scenarios[0];
}

/** Creates an exercise from a scenario; fires `exercise-created` with the new ExerciseSummary. */
@customElement('exercise-create-form')
export class ExerciseCreateForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: none;
        padding: 0;
        margin-inline: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 4px;
        padding: 0;
      }
      /* The closed select cuts long titles, so the full title of the selected scenario is repeated below it. */
      select {
        text-overflow: ellipsis;
      }
      .scenario-title {
        margin: 6px 0 0;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .team-row {
        display: flex;
        gap: var(--space);
        margin-bottom: 6px;
      }
      .team-row input {
        flex: 1;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property({ attribute: false }) scenarios: ScenarioListing[] = [];

  @state() private scenarioId = '';
  @state() private name = '';
  @state() private teams = [...defaultTeamNames];
  @state() private busy = false;
  @state() private error = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const known = this.scenarios.some((scenario) => scenario.id === this.scenarioId);
    if (changed.has('scenarios') && !known) {
      this.scenarioId = defaultScenario(this.scenarios)?.id ?? '';
    }
  }

  override render() {
    const selected = this.scenarios.find((scenario) => scenario.id === this.scenarioId);
    return html`<form @submit=${this.onSubmit} novalidate>
      <div class="field">
        <label for="scenario">Scenario</label>
        <select
          id="scenario"
          data-testid="create-scenario"
          title=${selected?.title ?? ''}
          .value=${this.scenarioId}
          @change=${this.onScenarioChange}
        >
          ${this.scenarios.map(
            (scenario) => html`<option value=${scenario.id} ?selected=${scenario.id === this.scenarioId}>${scenario.title}</option>`,
          )}
        </select>
        ${selected
          ? html`<p class="scenario-title" data-testid="create-scenario-title">${selected.title} <span class="muted mono">${selected.id}</span></p>
              <p class="muted">${selected.summary}</p>`
          : null}
      </div>
      <div class="field">
        <label for="exercise-name">Exercise name</label>
        <input
          id="exercise-name"
          data-testid="create-name"
          maxlength=${Limits.exerciseNameMaxLength}
          placeholder="Tuesday IR drill"
          .value=${this.name}
          @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset class="field">
        <legend>Teams</legend>
        ${this.teams.map(
          (team, index) => html`<div class="team-row">
            <input
              aria-label=${`Team ${index + 1} name`}
              data-testid="create-team-input"
              maxlength=${Limits.teamNameMaxLength}
              .value=${team}
              @input=${(event: Event) => this.setTeam(index, (event.target as HTMLInputElement).value)}
            />
            <button
              type="button"
              aria-label=${`Remove team ${index + 1}`}
              ?disabled=${this.teams.length <= 1}
              @click=${() => this.removeTeam(index)}
            >
              Remove
            </button>
          </div>`,
        )}
        <button
          type="button"
          data-testid="create-add-team"
          ?disabled=${this.teams.length >= Limits.teamsPerExerciseMax}
          @click=${this.addTeam}
        >
          Add team
        </button>
      </fieldset>
      <button type="submit" class="primary" data-testid="create-submit" ?disabled=${this.busy || !this.socket}>
        Create exercise
      </button>
      ${this.error ? html`<p class="error" role="alert" data-testid="create-error">${this.error}</p>` : null}
    </form>`;
  }

  private onScenarioChange(event: Event): void {
    this.scenarioId = (event.target as HTMLSelectElement).value;
  }

  private setTeam(index: number, value: string): void {
    this.teams = this.teams.map((team, i) => (i === index ? value : team));
  }

  private addTeam(): void {
    this.teams = [...this.teams, ''];
  }

  private removeTeam(index: number): void {
    this.teams = this.teams.filter((_, i) => i !== index);
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const error = this.validate();
    if (error) {
      this.error = error;
      return;
    }
    if (!this.socket) {
      return;
    }

    this.busy = true;
    this.error = '';
    const result = await request(this.socket, 'exercise:create', {
      scenarioId: this.scenarioId,
      name: this.name.trim(),
      teams: this.teams.map((team) => team.trim()),
    });
    this.busy = false;
    if (!result.ok) {
      this.error = describeError(result.error);
      return;
    }

    this.name = '';
    this.dispatchEvent(
      new CustomEvent<ExerciseSummary>('exercise-created', { detail: result.data, bubbles: true, composed: true }),
    );
  }

  /** Returns the first problem with the form as a sentence, or an empty string. */
  private validate(): string {
    if (!this.scenarioId) {
      return 'Choose a scenario.';
    }
    if (this.name.trim() === '') {
      return 'Enter a name for the exercise.';
    }
    const names = this.teams.map((team) => team.trim());
    if (names.some((team) => team === '')) {
      return 'Every team needs a name. Remove empty rows or fill them in.';
    }
    const seen = new Set(names.map((team) => team.toLowerCase()));
    if (seen.size !== names.length) {
      return 'Team names must differ from each other.';
    }
    return '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise-create-form': ExerciseCreateForm;
  }
}
