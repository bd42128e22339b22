/**
 * Submissions and timeline edits the server has acknowledged, with the time of the
 * acknowledgement, so the chaos check can ask which of them must survive a crash.
 */
export class AckLedger {
  /** Acknowledgement times (performance.now()) of submissions, by team id. */
  readonly submissions = new Map<string, number[]>();
  /** Timeline entry ids and the time a teammate first received them, by team id. */
  readonly edits = new Map<string, { id: string; ackedAt: number }[]>();

  submissionAcked(teamId: string, at: number): void {
    const list = this.submissions.get(teamId) ?? [];
    list.push(at);
    this.submissions.set(teamId, list);
  }

  /** Records an edit as acknowledged, which it is once the server has relayed it to a teammate. */
  editAcked(teamId: string, id: string, at: number): void {
    const list = this.edits.get(teamId) ?? [];
    list.push({ id, ackedAt: at });
    this.edits.set(teamId, list);
  }

  /** Submissions per team acknowledged before `cutoff`. */
  submissionsBefore(cutoff: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [teamId, times] of this.submissions) counts.set(teamId, times.filter((at) => at < cutoff).length);
    return counts;
  }

  /** Edit ids per team acknowledged before `cutoff`. */
  editsBefore(cutoff: number): Map<string, string[]> {
    const ids = new Map<string, string[]>();
    for (const [teamId, edits] of this.edits) ids.set(teamId, edits.filter((edit) => edit.ackedAt < cutoff).map((edit) => edit.id));
    return ids;
  }
}
