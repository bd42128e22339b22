import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, createExercise, joinTeam, openPage, scenarioId, signInAsFacilitator } from './helpers.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { testFacilitatorToken } from './server-env.js';

const basePath = '/lab';
const exerciseName = 'Proxy drill';

test('app runs under a base path', async ({ browser }, testInfo) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cloud-ir-lab-browser-base-'));
  const contexts: BrowserContext[] = [];
  let server: ServeProcess | null = null;
  try {
    server = await startServe(
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, FACILITATOR_TOKEN: testFacilitatorToken, NODE_ENV: 'production', BASE_PATH: basePath },
      testInfo.outputPath('server.log'),
    );
    const facilitator = await openPage(browser, contexts, server.url);
    await signInAsFacilitator(facilitator, basePath);
    await expect(facilitator).toHaveURL(`${server.url}${basePath}/facilitator`);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
    await expect(facilitator.getByTestId('join-link')).toHaveValue(`${server.url}${basePath}/join/${joinCode}`);

    const alice = await openPage(browser, contexts, server.url);
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue', basePath);
    await expect(alice).toHaveURL(`${server.url}${basePath}/exercise`);

    await test.step('a phase release reaches the participant', async () => {
      await facilitator.getByTestId('start-exercise').click();
      await expect(alice.getByTestId('phase-title')).toContainText('Phase 1 of');
      await alice.getByTestId('tab-guardduty').click();
      await expect(alice.getByTestId('finding-row')).toHaveCount(1);
    });

    await test.step('the team document and the report download work', async () => {
      await alice.getByTestId('finding-row').first().click();
      await alice.getByTestId('panel-guardduty').getByTestId('timeline-add').click();
      await expect(alice.getByTestId('panel-guardduty').getByTestId('timeline-add-status')).toHaveText('Added to the team timeline.');
      await expect(facilitator.getByTestId('progress-row').filter({ hasText: 'Blue' }).getByTestId('progress-timeline')).toHaveText('1');

      const pending = facilitator.waitForEvent('download');
      await facilitator.getByTestId('download-html').click();
      expect((await pending).suggestedFilename()).toBe('Proxy-drill-all-teams.html');
    });
  } finally {
    await closeAll(contexts);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
