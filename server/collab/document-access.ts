import { teamDocName } from '../../shared/collab.js';
import { mayAccessExercise, type Principal } from '../exercise/principal.js';
import type { StoreData } from '../store/records.js';

/** Access of a connection to a team document: edit, read only, or none. */
export type DocumentAccess = 'write' | 'read' | null;

/**
 * Decide a principal's access to a team document. A participant edits its own team's document
 * only. A facilitator reads the document of any team of an exercise it may manage, and never
 * writes. Observers get no team document. A name that is no team's document is refused.
 */
export function teamDocumentAccess(principal: Principal, docName: string, data: Readonly<StoreData>): DocumentAccess {
  switch (principal.role) {
    case 'participant':
      return docName === teamDocName(principal.teamId) ? 'write' : null;
    case 'facilitator': {
      const team = data.teams.find((candidate) => teamDocName(candidate.id) === docName);
      return team && mayAccessExercise(principal, team.exerciseId) ? 'read' : null;
    }
    case 'observer':
    case 'red':
      return null;
  }
}
