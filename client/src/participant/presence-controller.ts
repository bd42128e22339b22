import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TeamCollab, TeammatePresence } from '../net/team-collab.js';

/**
 * Lit controller that follows the team's presence for one component: it re-renders the host when
 * a teammate comes, goes or changes what they edit, and publishes what this tab edits.
 */
export class PresenceController implements ReactiveController {
  private collab: TeamCollab | null = null;
  private listening: TeamCollab | null = null;
  private editingKey: string | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows `collab` from now on; call it whenever the host's collab property changes. */
  setCollab(collab: TeamCollab | null): void {
    if (collab === this.collab) {
      return;
    }
    this.collab = collab;
    this.editingKey = null;
    this.listen(collab);
  }

  hostConnected(): void {
    this.listen(this.collab);
  }

  hostDisconnected(): void {
    this.stopEditing();
    this.listen(null);
  }

  /** Every connected player, this one first. */
  get teammates(): TeammatePresence[] {
    return this.collab?.teammates() ?? [];
  }

  /** Teammates other than this player who are editing `key` right now. */
  editorsOf(key: string): TeammatePresence[] {
    return this.teammates.filter((mate) => !mate.isSelf && mate.editing === key);
  }

  /** Publishes that this tab edits `key`, for example when an editor gains focus. */
  startEditing(key: string): void {
    this.editingKey = key;
    this.collab?.setPresence('editing', key);
  }

  /** Clears the published `editing` value, unless another editor of this tab has taken it over since. */
  stopEditing(key?: string): void {
    if (key !== undefined && this.editingKey !== key) {
      return;
    }
    if (this.editingKey !== null) {
      this.editingKey = null;
      this.collab?.setPresence('editing', null);
    }
  }

  private readonly onPresenceChanged = (): void => {
    this.host.requestUpdate();
  };

  private listen(collab: TeamCollab | null): void {
    this.listening?.removeEventListener('presence-changed', this.onPresenceChanged);
    this.listening = collab;
    collab?.addEventListener('presence-changed', this.onPresenceChanged);
    this.host.requestUpdate();
  }
}
