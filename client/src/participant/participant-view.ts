import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type {
  ExerciseState,
  ObjectiveView,
  PhaseReleased,
  ScoreboardEntry,
  SubmissionResult,
} from '../../../shared/model.js';
import type { SessionEndedDetail } from '../app/app-root.js';
import { plural } from '../app/format.js';
import '../app/restart-banner.js';
import '../app/toast-notice.js';
import { connectAppSocket, isUnauthenticated, type AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { saveParticipantSession, type ParticipantSession } from '../net/session-store.js';
import { TeamCollab, type TeammatePresence } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './athena-query.js';
import './attack-timeline.js';
import './cloudtrail-browser.js';
import './containment-panel.js';
import './exercise-header.js';
import './guardduty-findings.js';
import './iam-graph-view.js';
import './inject-feed.js';
import './mission-brief.js';
import './objective-list.js';
import './reference-notes.js';
import './team-notepad.js';
import './ir-report.js';
import './presence-strip.js';
import '../app/scoreboard-table.js';
import { loadSeenFindings, loadViewItem, saveSeenFindings, saveViewItem } from '../net/view-prefs.js';
import { loadOpenedFindings, saveOpenedFindings } from './opened-findings.js';

const tabs = [
  { id: 'brief', label: 'Mission brief' },
  { id: 'cloudtrail', label: 'CloudTrail' },
  { id: 'guardduty', label: 'GuardDuty' },
  { id: 'iam', label: 'IAM graph' },
  { id: 'athena', label: 'Athena' },
  { id: 'containment', label: 'Containment' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'notepad', label: 'Notepad' },
  { id: 'report', label: 'IR report' },
  { id: 'objectives', label: 'Objectives' },
  { id: 'injects', label: 'Injects' },
  { id: 'reference', label: 'Reference' },
  { id: 'scoreboard', label: 'Scoreboard' },
] as const;

type TabId = (typeof tabs)[number]['id'];

/** Tab labels by id, so the presence strip can name the tab a teammate has open. */
const tabLabels: Record<string, string> = Object.fromEntries(tabs.map((tab) => [tab.id, tab.label]));

function isTabId(value: string | null): value is TabId {
  return tabs.some((tab) => tab.id === value);
}

const toastDurationMs = 8_000;

/**
 * The responder's screen. Owns the Socket.IO connection and the team's Yjs document, keeps the
 * exercise state current from broadcasts, and hands both connections to the tabs.
 */
@customElement('participant-view')
export class ParticipantView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      /* The tabs fit one row at 1280 px, so the tools below keep most of a laptop screen's height. */
      nav {
        display: flex;
        gap: 2px;
        padding: 8px 16px 0;
        border-bottom: 1px solid var(--color-border);
        background: var(--color-surface);
        flex-wrap: wrap;
      }
      nav button {
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        background: transparent;
        padding: 8px 10px;
        white-space: nowrap;
      }
      nav button[aria-selected='true'] {
        border-bottom-color: var(--color-accent);
        color: var(--color-accent);
        font-weight: 600;
      }
      .badge {
        display: inline-block;
        min-width: 18px;
        margin-left: 4px;
        padding: 0 5px;
        border-radius: 999px;
        background: var(--color-high);
        color: var(--color-accent-text);
        font-size: 0.75rem;
        text-align: center;
      }
      main {
        padding: 16px;
      }
      .banner {
        margin: 8px 16px 0;
      }
    `,
  ];

  @property({ attribute: false }) session: ParticipantSession | null = null;

  @state() private exerciseState: ExerciseState | null = null;
  @state() private receivedAt = 0;
  @state() private activeTab: TabId = 'brief';
  @state() private connected = false;
  @state() private connectionError = '';
  @state() private loadError = '';
  @state() private toast = '';
  @state() private teammates: TeammatePresence[] = [];
  @state() private socket: AppSocket | null = null;
  @state() private collab: TeamCollab | null = null;
  /** GuardDuty findings that were on the GuardDuty tab while it was shown; the tab badge counts the others. */
  @state() private seenFindings: Set<string> = new Set();
  /** GuardDuty findings whose detail pane the player opened; the others carry the "New" tag. */
  @state() private openedFindings: Set<string> = new Set();

  private toastTimer: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session) {
      const storedTab = loadViewItem(this.session.exerciseId, 'tab');
      this.activeTab = isTabId(storedTab) ? storedTab : 'brief';
      this.seenFindings = loadSeenFindings(this.session.exerciseId);
      this.openedFindings = loadOpenedFindings(this.session.exerciseId, this.seenFindings);
      this.open(this.session);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  override render() {
    const current = this.exerciseState;
    // While the GuardDuty tab is shown its findings are in view, so the badge counts nothing.
    const unseen = this.activeTab === 'guardduty' ? 0 : (current?.findings ?? []).filter((finding) => !this.seenFindings.has(finding.Id)).length;
    return html`
      <exercise-header
        .exerciseState=${current}
        .receivedAt=${this.receivedAt}
        .teamId=${this.session?.teamId ?? ''}
        .displayName=${this.session?.displayName ?? ''}
        .teammates=${this.teammates}
        @sign-out-requested=${this.onSignOutRequested}
      ></exercise-header>
      <restart-banner .socket=${this.socket}></restart-banner>
      ${!this.connected && this.socket
        ? html`<p class="error banner" role="alert" data-testid="connection-banner">
            ${this.connectionError || 'Connecting to the server…'}
          </p>`
        : null}
      ${this.loadError ? html`<p class="error banner" role="alert" data-testid="load-error">${this.loadError}</p>` : null}
      <nav role="tablist" aria-label="Investigation tools" @keydown=${this.onTabKey}>
        ${tabs.map(
          (tab) => html`<button
            role="tab"
            id=${`tab-${tab.id}`}
            aria-controls=${`panel-${tab.id}`}
            aria-selected=${this.activeTab === tab.id ? 'true' : 'false'}
            tabindex=${this.activeTab === tab.id ? 0 : -1}
            data-testid=${`tab-${tab.id}`}
            @click=${() => this.selectTab(tab.id)}
          >
            ${tab.label}${tab.id === 'guardduty' && unseen > 0
              ? html`<span class="badge" data-testid="unseen-findings" aria-label=${`${unseen} new`}>${unseen}</span>`
              : null}${tab.id === 'injects' && current && (current.injects ?? []).length > 0
              ? html`<span class="badge">${current.injects.length}</span>`
              : null}
          </button>`,
        )}
      </nav>
      <presence-strip .collab=${this.collab} .viewLabels=${tabLabels}></presence-strip>
      <main>
        ${this.panel('brief', html`<mission-brief .brief=${current?.brief ?? null}></mission-brief>`)}
        ${this.panel(
          'cloudtrail',
          html`<cloudtrail-browser
            .socket=${this.connected ? this.socket : null}
            .collab=${this.collab}
            .phaseCount=${current?.phases.length ?? 0}
          ></cloudtrail-browser>`,
        )}
        ${this.panel(
          'guardduty',
          html`<guardduty-findings
            .findings=${current?.findings ?? []}
            .seenIds=${this.openedFindings}
            .collab=${this.collab}
            @finding-opened=${(event: CustomEvent<string>) => this.markFindingOpened(event.detail)}
          ></guardduty-findings>`,
        )}
        ${this.panel(
          'iam',
          html`<iam-graph-view
            .socket=${this.connected ? this.socket : null}
            .collab=${this.collab}
            .phaseCount=${current?.phases.length ?? 0}
          ></iam-graph-view>`,
        )}
        ${this.panel(
          'athena',
          html`<athena-query .socket=${this.socket} .exerciseId=${this.session?.exerciseId ?? ''}></athena-query>`,
        )}
        ${this.panel('containment', html`<containment-panel .socket=${this.connected ? this.socket : null}></containment-panel>`)}
        ${this.panel('timeline', html`<attack-timeline .collab=${this.collab}></attack-timeline>`)}
        ${this.panel('notepad', html`<team-notepad .collab=${this.collab}></team-notepad>`)}
        ${this.panel('report', html`<ir-report .collab=${this.collab}></ir-report>`)}
        ${this.panel(
          'objectives',
          html`<objective-list
            .objectives=${current?.objectives ?? []}
            .scoreboard=${current?.scoreboard ?? []}
            .socket=${this.socket}
            .teamId=${this.session?.teamId ?? ''}
            @objective-answered=${this.onObjectiveAnswered}
          ></objective-list>`,
        )}
        ${this.panel('injects', html`<inject-feed .injects=${current?.injects ?? []} .socket=${this.socket}></inject-feed>`)}
        ${this.panel('reference', html`<reference-notes .notes=${current?.brief.reference ?? []}></reference-notes>`)}
        ${this.panel(
          'scoreboard',
          html`<section class="panel">
            <h2>Scoreboard</h2>
            <scoreboard-table
              .entries=${current?.scoreboard ?? []}
              .ownTeamId=${this.session?.teamId ?? ''}
              .frozen=${current?.scoreboardFrozen ?? false}
            ></scoreboard-table>
          </section>`,
        )}
      </main>
      <toast-notice testId="phase-toast" .message=${this.toast} @toast-dismissed=${this.hideToast}></toast-notice>
    `;
  }

  // Every panel stays rendered, so a tab keeps its page, selection and query text when hidden.
  private panel(id: TabId, content: unknown) {
    return html`<section
      role="tabpanel"
      id=${`panel-${id}`}
      aria-labelledby=${`tab-${id}`}
      data-testid=${`panel-${id}`}
      ?hidden=${this.activeTab !== id}
    >
      ${content}
    </section>`;
  }

  /** Move between tabs with the arrow keys, Home and End, as the ARIA tabs pattern does. */
  private onTabKey = (event: KeyboardEvent): void => {
    const index = tabs.findIndex((tab) => tab.id === this.activeTab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    this.selectTab(next.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${next.id}`)?.focus());
  };

  private selectTab(id: TabId): void {
    // Findings count as seen for the badge when the tab is shown, and again when the player leaves
    // it, for those released during the visit. The "New" tag stays until a finding is opened.
    if (this.activeTab === 'guardduty' || id === 'guardduty') {
      this.markFindingsSeen();
    }
    this.activeTab = id;
    this.collab?.setPresence('view', id);
    if (this.session) {
      saveViewItem(this.session.exerciseId, 'tab', id);
    }
  }

  private markFindingOpened(findingId: string): void {
    if (!this.session || this.openedFindings.has(findingId)) {
      return;
    }
    this.openedFindings = new Set([...this.openedFindings, findingId]);
    saveOpenedFindings(this.session.exerciseId, this.openedFindings);
  }

  private markFindingsSeen(): void {
    const findings = this.exerciseState?.findings ?? [];
    if (!this.session || findings.every((finding) => this.seenFindings.has(finding.Id))) {
      return;
    }
    this.seenFindings = new Set([...this.seenFindings, ...findings.map((finding) => finding.Id)]);
    saveSeenFindings(this.session.exerciseId, this.seenFindings);
  }

  private open(session: ParticipantSession): void {
    const socket = connectAppSocket(session.playerToken);
    this.socket = socket;

    socket.on('connect', () => {
      this.connected = true;
      this.connectionError = '';
      // Broadcasts missed while disconnected are not replayed, so the state is fetched on every connect.
      void this.refresh();
      void this.checkTeam();
    });
    socket.on('disconnect', (reason) => {
      this.connected = false;
      this.connectionError = 'Offline: the connection to the server was lost. Reconnecting by itself…';
      // The server closes the connection when the facilitator moves or removes the player. The
      // reconnect then joins the new team, or it is refused and the session ends.
      if (reason === 'io server disconnect') {
        socket.connect();
      }
    });
    socket.on('connect_error', (error) => {
      if (isUnauthenticated(error)) {
        this.endSession('Your sign-in for this exercise is no longer valid. Join again with the code.');
        return;
      }
      this.connected = false;
      // The transport's own message (such as "xhr poll error") means nothing to a responder.
      console.warn('Connecting to the server failed', error);
      this.connectionError = 'Offline: the server cannot be reached. Reconnecting by itself…';
    });

    socket.on('exercise:updated', (update) => this.applyState(update));
    socket.on('inject:sent', (inject) => {
      this.showToast(inject.question ? `New inject with a question: ${inject.message}` : `New inject: ${inject.message}`);
    });
    socket.on('clock:updated', (update) => {
      if (this.exerciseState && this.exerciseState.exercise.id === update.exerciseId) {
        this.exerciseState = { ...this.exerciseState, clock: update.clock };
        this.receivedAt = Date.now();
      }
    });
    socket.on('phase:released', (release) => this.onPhaseReleased(release));
    socket.on('score:updated', (update) => this.onScoreUpdated(update.scoreboard, update.frozen ?? false));

    const collab = new TeamCollab(session.playerToken, session.teamId, {
      playerId: session.playerId,
      displayName: session.displayName,
    });
    collab.addEventListener('presence-changed', () => (this.teammates = collab.teammates()));
    collab.setPresence('view', this.activeTab);
    this.collab = collab;
    this.teammates = collab.teammates();
  }

  private close(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.collab?.destroy();
    this.collab = null;
    window.clearTimeout(this.toastTimer);
  }

  /** Reloads the view on the new team when the facilitator moved this player to another team. */
  private async checkTeam(): Promise<void> {
    if (!this.socket || !this.session) {
      return;
    }
    const result = await request(this.socket, 'session:get', undefined);
    if (!result.ok || !result.data.teamId || result.data.teamId === this.session.teamId) {
      return;
    }
    saveParticipantSession({ ...this.session, teamId: result.data.teamId });
    window.location.reload();
  }

  private async refresh(): Promise<void> {
    if (!this.socket) {
      return;
    }
    const result = await request(this.socket, 'exercise:get', undefined);
    if (!result.ok) {
      this.loadError = `Loading the exercise failed: ${describeError(result.error)}`;
      return;
    }
    this.loadError = '';
    this.applyState(result.data);
  }

  private applyState(update: ExerciseState): void {
    if (this.session && update.exercise.id !== this.session.exerciseId) {
      return;
    }
    this.exerciseState = update;
    this.receivedAt = Date.now();
  }

  private onPhaseReleased(release: PhaseReleased): void {
    const current = this.exerciseState;
    if (current) {
      const known = new Set(current.findings.map((finding) => finding.Id));
      const phases = current.phases.some((phase) => phase.id === release.phase.id)
        ? current.phases
        : [...current.phases, release.phase];
      this.exerciseState = {
        ...current,
        phases,
        clock: release.clock,
        findings: [...current.findings, ...release.findings.filter((finding) => !known.has(finding.Id))],
      };
      this.receivedAt = Date.now();
    }

    const findings = release.findings.length > 0 ? ` with ${plural(release.findings.length, 'new finding')}` : '';
    this.showToast(`Phase released: ${release.phase.title}${findings}.`);
    // The release carries no objectives, so the full state is fetched for the new ones.
    void this.refresh();
  }

  private onScoreUpdated(scoreboard: ScoreboardEntry[], frozen: boolean): void {
    if (!this.exerciseState) {
      return;
    }
    this.exerciseState = { ...this.exerciseState, scoreboard, scoreboardFrozen: frozen };
    // A teammate may have solved an objective; the full state carries the solved flags.
    void this.refresh();
  }

  /** Shows the team's own result at once; the broadcast and the refresh that follow confirm it. */
  private onObjectiveAnswered(event: CustomEvent<SubmissionResult>): void {
    const current = this.exerciseState;
    if (!current || !this.session) {
      return;
    }
    const submission = event.detail;
    const teamId = this.session.teamId;
    this.exerciseState = {
      ...current,
      objectives: current.objectives.map((objective) => applySubmission(objective, submission)),
      scoreboard: current.scoreboard.map((entry) =>
        entry.teamId === teamId ? { ...entry, score: submission.teamScore } : entry,
      ),
    };
  }

  private showToast(message: string): void {
    this.toast = message;
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => this.hideToast(), toastDurationMs);
  }

  private hideToast(): void {
    this.toast = '';
  }

  private onSignOutRequested(): void {
    const confirmed = window.confirm(
      'Leave this exercise on this browser? Joining again with the code makes you a new player.',
    );
    if (confirmed) {
      this.endSession('');
    }
  }

  private endSession(reason: string): void {
    this.close();
    const detail: SessionEndedDetail = { role: 'participant', reason };
    this.dispatchEvent(new CustomEvent<SessionEndedDetail>('session-ended', { detail, bubbles: true, composed: true }));
  }
}

function applySubmission(objective: ObjectiveView, submission: SubmissionResult): ObjectiveView {
  if (objective.id !== submission.objectiveId) {
    return objective;
  }
  if (submission.correct) {
    return { ...objective, solved: true, pointsAwarded: submission.pointsAwarded };
  }
  return { ...objective, wrongAttempts: objective.wrongAttempts + 1 };
}

declare global {
  interface HTMLElementTagNameMap {
    'participant-view': ParticipantView;
  }
}
