import type { TimelineEntry } from '../../shared/collab.js';
import type { TeamIrReport } from '../collab/team-document.js';
import type { TeamRedBlue } from './red-blue.js';

/** One step of the true attack chain, as the scenario defines it. */
export interface ChainStep {
  eventId: string;
  eventTime: string;
  label: string;
  technique: string;
}

export interface ObjectiveOutcome {
  id: string;
  title: string;
  points: number;
  awarded: number;
  wrongAttempts: number;
  hintsUsed: number;
  /** Exercise time (ms) at which the objective was released and solved; null when it was not. */
  releasedAtMs: number | null;
  solvedAtMs: number | null;
}

export interface QueryRecord {
  atMs: number;
  author: string;
  sql: string;
  rowCount: number | null;
  error: string | null;
}

export interface InjectAnswer {
  question: string;
  answer: string;
  points: number;
}

/** Everything the report is built from, gathered by the caller from the store and the team document. */
export interface AfterActionInput {
  exerciseName: string;
  scenarioTitle: string;
  team: { id: string; name: string; members: string[] };
  score: number;
  rank: number;
  teamCount: number;
  chain: ChainStep[];
  timeline: TimelineEntry[];
  irReport: TeamIrReport;
  objectives: ObjectiveOutcome[];
  queries: QueryRecord[];
  injectAnswers: InjectAnswer[];
  facilitatorNotes: string[];
  /** Red moves that reached the team and its containment commands; absent in reports built without them. */
  redBlue?: TeamRedBlue;
}

export interface TimelineComparison {
  /** Chain steps the team put on its timeline, with the entry that found each. */
  found: { step: ChainStep; entry: TimelineEntry }[];
  missed: ChainStep[];
  /** Timeline entries that refer to no step of the attack chain. */
  notInChain: TimelineEntry[];
  /** Whether the found steps are in the true order on the team's timeline. */
  inOrder: boolean;
}

export interface AfterActionReport extends AfterActionInput {
  comparison: TimelineComparison;
  /** Per objective, milliseconds from its release to the team's solve; null when unsolved. */
  timeToSolveMs: Record<string, number | null>;
}

/** Compare the team's timeline with the true attack chain by referenced event id. */
export function compareTimeline(chain: ChainStep[], timeline: TimelineEntry[]): TimelineComparison {
  const chainIds = new Set(chain.map((step) => step.eventId));
  const entryByRef = new Map<string, TimelineEntry>();
  for (const entry of timeline) if (!entryByRef.has(entry.refId)) entryByRef.set(entry.refId, entry);

  const found = chain.flatMap((step) => {
    const entry = entryByRef.get(step.eventId);
    return entry ? [{ step, entry }] : [];
  });
  const missed = chain.filter((step) => !entryByRef.has(step.eventId));
  const notInChain = timeline.filter((entry) => !chainIds.has(entry.refId));

  const position = new Map(timeline.map((entry, index) => [entry.id, index]));
  const positions = found.map(({ entry }) => position.get(entry.id) ?? 0);
  const inOrder = positions.every((value, index) => index === 0 || value > positions[index - 1]!);
  return { found, missed, notInChain, inOrder };
}

export function buildAfterActionReport(input: AfterActionInput): AfterActionReport {
  const timeToSolveMs: Record<string, number | null> = {};
  for (const objective of input.objectives) {
    timeToSolveMs[objective.id] =
      objective.solvedAtMs !== null && objective.releasedAtMs !== null ? Math.max(0, objective.solvedAtMs - objective.releasedAtMs) : null;
  }
  return { ...input, comparison: compareTimeline(input.chain, input.timeline), timeToSolveMs };
}

/** Format milliseconds of exercise time as h:mm:ss. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
