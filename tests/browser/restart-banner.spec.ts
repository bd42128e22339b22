import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, createExercise, joinTeam, openPage, scenarioId, signInAsFacilitator } from './helpers.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { testFacilitatorToken } from './server-env.js';

const exerciseName = 'Restart drill';
const bannerText = 'The server is restarting; your work is saved and the page will reconnect.';

test('restart banner shows until the server is back', async ({ browser }, testInfo) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cloud-ir-lab-browser-restart-'));
  const contexts: BrowserContext[] = [];
  const env = { HOST: '127.0.0.1', DATA_DIR: dataDir, FACILITATOR_TOKEN: testFacilitatorToken, NODE_ENV: 'production' };
  let server: ServeProcess | null = null;
  try {
    server = await startServe({ ...env, PORT: '0' }, testInfo.outputPath('server-first.log'));
    const url = server.url;
    const facilitator = await openPage(browser, contexts, url);
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
    const alice = await openPage(browser, contexts, url);
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
    await expect(facilitator.getByTestId('restart-banner')).toHaveCount(0);

    await test.step('a graceful stop shows the banner on every screen', async () => {
      const stopping = server!.stop();
      server = null;
      await stopping;
      await expect(facilitator.getByTestId('restart-banner')).toHaveText(bannerText);
      await expect(alice.getByTestId('restart-banner')).toHaveText(bannerText);
      await expect(alice.getByTestId('connection-banner')).toContainText('Reconnecting by itself');
      await expect(facilitator.getByTestId('connection-status')).not.toHaveText('Connected');
    });

    await test.step('the pages reconnect once the server is back', async () => {
      server = await startServe({ ...env, PORT: new URL(url).port }, testInfo.outputPath('server-second.log'));
      await expect(facilitator.getByTestId('connection-status')).toHaveText('Connected', { timeout: 20_000 });
      await expect(facilitator.getByTestId('restart-banner')).toHaveCount(0);
      await expect(alice.getByTestId('connection-banner')).toHaveCount(0, { timeout: 20_000 });
      await expect(alice.getByTestId('restart-banner')).toHaveCount(0);
      await expect(facilitator.getByTestId('exercise-title')).toHaveText(exerciseName);
    });
  } finally {
    await closeAll(contexts);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
