import type * as Y from 'yjs';
import { readTimeline } from '../collab/team-document.js';

/** Collect the CloudTrail event ids and finding ids a team's timeline refers to. */
export function timelineRefs(doc: Y.Doc): Set<string> {
  return new Set(readTimeline(doc).map((entry) => entry.refId));
}
