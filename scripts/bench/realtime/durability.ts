/** Checks that acknowledged submissions and timeline edits are still present after a crash. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import type { AckLedger } from './ledger.js';
import type { Population } from './population.js';
import { closeTeamDoc, getExercise, openTeamDoc, teamDocumentFile, timelineIds, waitSynced, wrongAttemptsOf } from './protocol.js';

export interface CheckCount {
  checked: number;
  lost: number;
}

function membersByTeam(population: Population): Map<string, Population['participants']> {
  const teams = new Map<string, Population['participants']>();
  for (const participant of population.participants) teams.set(participant.teamId, [...(teams.get(participant.teamId) ?? []), participant]);
  return teams;
}

/**
 * Compares, per team, the submissions acknowledged before `cutoff` with the wrong attempts the
 * restarted server reports. NOTE: the check counts per team rather than per submission, because a
 * participant's view shows the number of wrong attempts but not each one.
 */
export async function checkSubmissions(population: Population, ledger: AckLedger, cutoff: number): Promise<CheckCount> {
  const teams = membersByTeam(population);
  let checked = 0;
  let lost = 0;
  for (const [teamId, acknowledged] of ledger.submissionsBefore(cutoff)) {
    const member = teams.get(teamId)![0]!;
    const stored = wrongAttemptsOf(await getExercise(member.socket));
    checked += acknowledged;
    lost += Math.max(0, acknowledged - stored);
  }
  return { checked, lost };
}

/** Opens each team's document as a fresh client of the restarted server and looks for every edit. */
export async function checkEditsOnServer(baseUrl: string, population: Population, ledger: AckLedger, cutoff: number): Promise<CheckCount> {
  const teams = membersByTeam(population);
  let checked = 0;
  let lost = 0;
  for (const [teamId, ids] of ledger.editsBefore(cutoff)) {
    const member = teams.get(teamId)![0]!;
    const handle = openTeamDoc(baseUrl, member.token, teamId);
    try {
      await waitSynced(handle.provider);
      const present = timelineIds(handle.doc);
      checked += ids.length;
      lost += ids.filter((id) => !present.has(id)).length;
    } finally {
      closeTeamDoc(handle);
    }
  }
  return { checked, lost };
}

/**
 * Reads each team's stored document state from the data dir of a killed server, before a restart
 * lets reconnecting clients send their copies back, and looks for every edit there.
 */
export async function checkEditsOnDisk(dataDir: string, ledger: AckLedger, cutoff: number): Promise<CheckCount> {
  let checked = 0;
  let lost = 0;
  for (const [teamId, ids] of ledger.editsBefore(cutoff)) {
    const doc = new Y.Doc();
    try {
      const state = await readFile(path.join(dataDir, teamDocumentFile(teamId))).catch(() => null);
      if (state) Y.applyUpdate(doc, new Uint8Array(state));
      const present = timelineIds(doc);
      checked += ids.length;
      lost += ids.filter((id) => !present.has(id)).length;
    } finally {
      doc.destroy();
    }
  }
  return { checked, lost };
}
