import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, createExercise, joinTeam, openPage, scenarioId, signInAsFacilitator } from './helpers.js';
import { testServerUrl } from './server-env.js';

test.describe('sign-in', () => {
  const contexts: BrowserContext[] = [];

  test.afterEach(async () => {
    await closeAll(contexts.splice(0));
  });

  test('wrong facilitator token is rejected', async ({ browser }) => {
    const page = await openPage(browser, contexts, testServerUrl());
    await page.goto('/');
    await page.getByTestId('facilitator-token').fill('not-the-facilitator-token');
    await page.getByTestId('facilitator-sign-in').click();

    await expect(page.getByTestId('facilitator-error')).toBeVisible();
    await expect(page.getByTestId('facilitator-console')).toHaveCount(0);
  });

  test('unknown join code shows an error', async ({ browser }) => {
    const page = await openPage(browser, contexts, testServerUrl());
    // Join codes are six characters; this one is valid in form but belongs to no exercise.
    await page.goto('/join/QQQQQ9');

    await expect(page.getByTestId('join-code-input')).toHaveValue('QQQQQ9');
    await expect(page.getByTestId('join-error')).toBeVisible();
    await expect(page.getByTestId('join-submit')).toHaveCount(0);
  });

  test('malformed join code is caught before the lookup', async ({ browser }) => {
    const page = await openPage(browser, contexts, testServerUrl());
    await page.goto('/');
    await page.getByTestId('join-code-input').fill('AB');
    await page.getByTestId('join-lookup').click();

    await expect(page.getByTestId('join-error')).toContainText('6 letters or digits');
  });

  test('sign-ins survive a reload', async ({ browser }) => {
    const baseURL = testServerUrl();
    const facilitator = await openPage(browser, contexts, baseURL);
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, 'Reload check');

    const player = await openPage(browser, contexts, baseURL);
    await joinTeam(player, joinCode, 'Reload check', 'Dana', 'Green');

    await facilitator.reload();
    await expect(facilitator.getByTestId('facilitator-console')).toBeVisible();
    await expect(facilitator.getByTestId('join-code')).toHaveText(joinCode);

    await player.reload();
    await expect(player.getByTestId('team-name')).toHaveText('Green');
    await player.goto('/');
    await expect(player).toHaveURL(/\/exercise$/);
    await expect(player.getByTestId('team-name')).toHaveText('Green');
  });

  test('leaving returns the player to the landing page', async ({ browser }) => {
    const baseURL = testServerUrl();
    const facilitator = await openPage(browser, contexts, baseURL);
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, 'Leave check');

    const player = await openPage(browser, contexts, baseURL);
    await joinTeam(player, joinCode, 'Leave check', 'Eli', 'Blue');
    player.once('dialog', (dialog) => void dialog.accept());
    await player.getByTestId('sign-out').click();

    await expect(player.getByTestId('landing')).toBeVisible();
    await player.reload();
    await expect(player.getByTestId('landing')).toBeVisible();
  });
});
