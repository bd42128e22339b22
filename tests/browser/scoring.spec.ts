import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, createExercise, joinTeam, openPage, scenarioId, scoreboardScore, signInAsFacilitator } from './helpers.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Scoring drill';

test('facilitator adjusts, freezes and downloads the report', async ({ browser }) => {
  const contexts: BrowserContext[] = [];
  try {
    const facilitator = await openPage(browser, contexts, testServerUrl());
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
    const alice = await openPage(browser, contexts, testServerUrl());
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
    await facilitator.getByTestId('start-exercise').click();
    await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');

    await test.step('an adjustment reaches the team', async () => {
      await facilitator.getByTestId('adjust-team').selectOption({ label: 'Blue' });
      await facilitator.getByTestId('adjust-points').fill('20');
      await facilitator.getByTestId('adjust-reason').fill('Clear briefing to the CISO');
      await facilitator.getByTestId('adjust-submit').click();
      await expect(facilitator.getByTestId('score-status')).toHaveText('Adjusted by +20: Clear briefing to the CISO');
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText('20');
      await expect(alice.getByTestId('team-score')).toHaveText('20');
    });

    await test.step('a frozen board hides later changes from the team', async () => {
      await facilitator.getByTestId('freeze-toggle').click();
      await expect(facilitator.getByTestId('freeze-toggle')).toHaveText('Unfreeze scoreboard');
      await facilitator.getByTestId('adjust-points').fill('5');
      await facilitator.getByTestId('adjust-reason').fill('Good containment call');
      await facilitator.getByTestId('adjust-submit').click();
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText('25');
      await expect(alice.getByTestId('team-score')).toHaveText('20');
    });

    await test.step('the report downloads as HTML', async () => {
      const pending = facilitator.waitForEvent('download');
      await facilitator.getByTestId('download-html').click();
      const download = await pending;
      expect(download.suggestedFilename()).toBe('Scoring-drill-all-teams.html');
    });

    await test.step('every team downloads as one ZIP', async () => {
      const pending = facilitator.waitForEvent('download');
      await facilitator.getByTestId('download-zip').click();
      const download = await pending;
      expect(download.suggestedFilename()).toBe('Scoring-drill-all-teams.zip');
      const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      expect(Object.keys(files)).toContain('all-teams.html');
    });
  } finally {
    await closeAll(contexts);
  }
});
