import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TeamView } from '../../../shared/model.js';
import type { AppSocket } from '../net/app-socket.js';
import { appUrl } from '../net/base-path.js';
import { randomId } from '../net/random-id.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

type ReportFormat = 'json' | 'markdown' | 'html';

/** Facilitator score tools: freeze the public board, adjust a team's points with a reason, note on a team, download after-action reports. */
@customElement('score-panel')
export class ScorePanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form,
      .downloads {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space);
        align-items: end;
        margin-top: var(--space);
      }
      input[type='number'] {
        width: 6em;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property() exerciseId = '';
  @property() token = '';
  @property({ attribute: false }) teams: TeamView[] = [];
  @property({ type: Boolean }) frozen = false;

  @state() private message = '';
  @state() private error = '';
  @state() private reportTeam = '';

  override render() {
    return html`
      <p data-testid="scoreboard-frozen">
        ${this.frozen ? 'Teams and observers see the board as it stood at the freeze; you see live scores.' : 'Teams and observers see live scores.'}
        <button data-testid="freeze-toggle" @click=${this.toggleFreeze}>${this.frozen ? 'Unfreeze scoreboard' : 'Freeze scoreboard'}</button>
      </p>
      <form data-testid="adjust-form" @submit=${this.adjust}>
        <label>Team <select name="teamId" data-testid="adjust-team" required>${this.teams.map((team) => html`<option value=${team.id}>${team.name}</option>`)}</select></label>
        <label>Points <input name="points" data-testid="adjust-points" type="number" step="1" min="-10000" max="10000" required /></label>
        <label>Reason <input name="reason" data-testid="adjust-reason" maxlength="500" required /></label>
        <button type="submit" data-testid="adjust-submit">Adjust score</button>
      </form>
      <form data-testid="note-form" @submit=${this.addNote}>
        <label>Team <select name="teamId" required>${this.teams.map((team) => html`<option value=${team.id}>${team.name}</option>`)}</select></label>
        <label>Note for the report <input name="text" data-testid="note-text" maxlength="4000" required /></label>
        <button type="submit" data-testid="note-submit">Add note</button>
      </form>
      <div class="downloads">
        <label
          >Report for
          <select data-testid="report-team" @change=${(event: Event) => (this.reportTeam = (event.target as HTMLSelectElement).value)}>
            <option value="">All teams</option>
            ${this.teams.map((team) => html`<option value=${team.id}>${team.name}</option>`)}
          </select></label
        >
        <button data-testid="download-html" @click=${() => this.download('html')}>Download HTML</button>
        <button @click=${() => this.download('markdown')}>Download Markdown</button>
        <button @click=${() => this.download('json')}>Download JSON</button>
      </div>
      ${this.message ? html`<p class="muted" role="status" data-testid="score-status">${this.message}</p>` : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
    `;
  }

  private async toggleFreeze(): Promise<void> {
    if (!this.socket) return;
    const result = await request(this.socket, 'scoreboard:freeze', { exerciseId: this.exerciseId, frozen: !this.frozen });
    this.error = result.ok ? '' : describeError(result.error);
  }

  private async adjust(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.socket) return;
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    const result = await request(this.socket, 'score:adjust', {
      exerciseId: this.exerciseId,
      teamId: String(fields.get('teamId')),
      points: Number(fields.get('points')),
      reason: String(fields.get('reason')),
      idempotencyKey: randomId(),
    });
    if (result.ok) {
      this.error = '';
      this.message = `Adjusted by ${result.data.points > 0 ? '+' : ''}${result.data.points}: ${result.data.reason}`;
      form.reset();
    } else {
      this.error = describeError(result.error);
    }
  }

  private async addNote(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.socket) return;
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    const result = await request(this.socket, 'team:note', {
      exerciseId: this.exerciseId,
      teamId: String(fields.get('teamId')),
      text: String(fields.get('text')),
      idempotencyKey: randomId(),
    });
    if (result.ok) {
      this.error = '';
      this.message = 'Note saved for the after-action report.';
      form.reset();
    } else {
      this.error = describeError(result.error);
    }
  }

  /** Fetch the report with the bearer token and save it, since a plain link cannot send the header. */
  private async download(format: ReportFormat): Promise<void> {
    const query = new URLSearchParams({ format });
    if (this.reportTeam) query.set('team', this.reportTeam);
    try {
      const response = await fetch(appUrl(`/api/exercises/${encodeURIComponent(this.exerciseId)}/report?${query}`), { headers: { authorization: `Bearer ${this.token}` } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        this.error = body?.error?.message ?? `The report download failed (HTTP ${response.status}).`;
        return;
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `report.${format}`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      this.error = '';
    } catch {
      this.error = 'The report download failed: the server could not be reached. Check the connection and retry.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'score-panel': ScorePanel;
  }
}
