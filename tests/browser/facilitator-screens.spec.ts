import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { closeAll, joinTeam, openPage, saveScreenshot, scoreboardScore, signInAsFacilitator } from './helpers.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Screens drill';

/** Opens a page with its own viewport, for the laptop console and the projector board. */
async function openSizedPage(contexts: BrowserContext[], browser: Parameters<typeof openPage>[0], width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: testServerUrl(), viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

/** Returns how many CSS pixels the page is wider than its viewport, so 0 means no sideways scrolling. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('facilitator screens show freeze, fit and end', async ({ browser }, testInfo) => {
  const contexts: BrowserContext[] = [];
  try {
    const facilitator = await openSizedPage(contexts, browser, 1280, 720);
    await signInAsFacilitator(facilitator);

    await test.step('the form preselects the first-exercise scenario', async () => {
      await expect(facilitator.getByTestId('create-scenario')).toHaveValue('apexcorp-prod');
      await expect(facilitator.getByTestId('create-scenario-title')).toContainText('apexcorp-prod');
      await facilitator.reload();
      await expect(facilitator.getByTestId('create-scenario')).toHaveValue('apexcorp-prod');
    });

    await facilitator.getByTestId('create-name').fill(exerciseName);
    await facilitator.getByTestId('create-submit').click();
    await expect(facilitator.getByTestId('join-code')).toHaveText(/^[A-Z0-9]{6}$/);
    const joinCode = ((await facilitator.getByTestId('join-code').textContent()) ?? '').trim();
    const alice = await openPage(browser, contexts, testServerUrl());
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');

    await test.step('start hides the start button', async () => {
      await expect(facilitator.getByTestId('start-exercise')).toBeEnabled();
      await facilitator.getByTestId('start-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');
      await expect(facilitator.getByTestId('start-exercise')).toHaveCount(0);
      await expect(facilitator.getByTestId('advance-phase')).toBeEnabled();
    });

    await test.step('console fits 1280 px without sideways scroll', async () => {
      await expect(facilitator.getByTestId('progress-row')).toHaveCount(2);
      await expect(facilitator.getByTestId('loopback-warning')).toBeVisible();
      const scrollWidth = await facilitator.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(1280);
      expect(await horizontalOverflow(facilitator)).toBe(0);
      await saveScreenshot(facilitator, testInfo, 'console-1280');
    });

    const screen = await openSizedPage(contexts, browser, 1920, 1080);
    await test.step('observer board fills a projector screen', async () => {
      await facilitator.getByTestId('invite-label').fill('Projector');
      await facilitator.getByTestId('invite-observer').click();
      await screen.goto(await facilitator.getByTestId('invite-link').inputValue());
      await expect(screen.getByTestId('board-title')).toHaveText(exerciseName);

      await facilitator.getByTestId('adjust-team').selectOption({ label: 'Blue' });
      await facilitator.getByTestId('adjust-points').fill('20');
      await facilitator.getByTestId('adjust-reason').fill('Clear briefing');
      await facilitator.getByTestId('adjust-submit').click();
      await expect(scoreboardScore(screen, 'Blue')).toHaveText('20');
      await expect(screen.getByTestId('score-chart-y-label').first()).toHaveText('0');
      expect(await screen.getByTestId('score-chart-y-label').count()).toBeGreaterThanOrEqual(2);
      await expect(screen.getByTestId('score-chart-x-label').first()).toHaveText(/^\d\d:\d\d$/);

      const boardWidth = await screen.locator('observer-board').evaluate((board) => board.getBoundingClientRect().width);
      expect(boardWidth).toBeGreaterThanOrEqual(1700);
      const titleSize = await screen.getByTestId('board-title').evaluate((title) => Number.parseFloat(getComputedStyle(title).fontSize));
      expect(titleSize).toBeGreaterThanOrEqual(48);
      expect(await horizontalOverflow(screen)).toBe(0);
    });

    await test.step('a frozen board is marked for teams and observers', async () => {
      await expect(alice.getByTestId('team-score')).toHaveText('20');
      await expect(alice.getByTestId('header-frozen')).toHaveCount(0);
      await facilitator.getByTestId('freeze-toggle').click();
      await expect(facilitator.getByTestId('freeze-toggle')).toHaveText('Unfreeze scoreboard');

      await expect(alice.getByTestId('header-frozen')).toHaveText('Scoreboard frozen');
      await alice.getByTestId('tab-scoreboard').click();
      await expect(alice.getByTestId('panel-scoreboard').getByTestId('scoreboard-frozen-notice')).toContainText('Scoreboard frozen');
      await expect(screen.getByTestId('scoreboard-frozen-notice')).toContainText('Scoreboard frozen');

      await facilitator.getByTestId('adjust-points').fill('5');
      await facilitator.getByTestId('adjust-reason').fill('Good containment call');
      await facilitator.getByTestId('adjust-submit').click();
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText('25');
      await expect(alice.getByTestId('team-score')).toHaveText('20');
      await expect(scoreboardScore(screen, 'Blue')).toHaveText('20');
      await saveScreenshot(screen, testInfo, 'observer-frozen-1920');

      await facilitator.getByTestId('freeze-toggle').click();
      await expect(alice.getByTestId('header-frozen')).toHaveCount(0);
      await expect(alice.getByTestId('scoreboard-frozen-notice')).toHaveCount(0);
      await expect(screen.getByTestId('scoreboard-frozen-notice')).toHaveCount(0);
      await expect(alice.getByTestId('team-score')).toHaveText('25');
      await expect(scoreboardScore(screen, 'Blue')).toHaveText('25');
    });

    await test.step('an ended exercise says so and shows no time left', async () => {
      await expect(alice.getByTestId('clock-remaining')).toBeVisible();
      facilitator.once('dialog', (dialog) => void dialog.accept());
      await facilitator.getByTestId('end-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('ended');
      await expect(facilitator.getByTestId('control-ended')).toContainText('Exercise ended');
      await expect(facilitator.getByTestId('start-exercise')).toHaveCount(0);

      await expect(alice.getByTestId('exercise-ended')).toContainText('Exercise ended');
      await expect(alice.getByTestId('clock-remaining')).toHaveCount(0);
      await expect(alice.getByTestId('clock-status')).toHaveText('· Ended');
      await expect(screen.getByTestId('board-ended')).toHaveText('Exercise ended');
      await expect(screen.getByTestId('clock-remaining')).toHaveCount(0);
      expect(await horizontalOverflow(facilitator)).toBe(0);
      await saveScreenshot(alice, testInfo, 'participant-ended');
    });
  } finally {
    await closeAll(contexts);
  }
});
