import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { closeAll, createExercise, saveScreenshot, scenarioId, signInAsFacilitator } from './helpers.js';
import { expectNoSeriousA11yViolations, readLoadTiming, readLongTasks, recordFigures, recordLongTasks } from './page-checks.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Views tour';

/** Participant tabs in the order a player visits them, each with an element that shows the panel has content. */
const participantTabs: [tab: string, content: string | RegExp][] = [
  ['brief', 'brief-summary'],
  ['cloudtrail', 'cloudtrail-row'],
  ['guardduty', 'finding-row'],
  ['iam', 'iam-node-row'],
  ['athena', 'query-editor'],
  ['timeline', 'collab-status'],
  ['notepad', 'notepad'],
  ['report', 'report-editor-summary'],
  ['objectives', 'objective-points'],
  ['injects', /^inject-(feed-empty|item)$/],
  ['reference', 'reference-note'],
  ['scoreboard', 'scoreboard-row'],
];

async function openSmallScreen(browser: import('@playwright/test').Browser, contexts: BrowserContext[], baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  return context.newPage();
}

async function joinWithTypedCode(page: Page, joinCode: string, displayName: string): Promise<void> {
  await page.goto('/');
  // A pasted code with spaces and lower case letters is accepted.
  await page.getByTestId('join-code-input').fill(`  ${joinCode.toLowerCase()}  `);
  await page.getByTestId('join-lookup').click();
  await expect(page.getByTestId('join-exercise-name')).toHaveText(exerciseName);
  await page.getByRole('radio', { name: /^Blue\b/ }).check();
  await page.getByTestId('join-display-name').fill(displayName);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('team-name')).toHaveText('Blue');
}

test('every view renders and passes axe', async ({ browser }, testInfo) => {
  const baseURL = testServerUrl();
  const contexts: BrowserContext[] = [];
  const figures: Record<string, unknown> = {};

  try {
    const facilitator = await openSmallScreen(browser, contexts, baseURL);
    let joinCode = '';

    await test.step('facilitator console shows the QR code and the loopback warning', async () => {
      await signInAsFacilitator(facilitator);
      joinCode = await createExercise(facilitator, scenarioId, exerciseName);
      await expect(facilitator.getByTestId('join-qr')).toBeVisible();
      await expect(facilitator.getByTestId('loopback-warning')).toContainText('works only on this computer');
      await expect(facilitator.getByTestId('scenario-clock')).toHaveText(/^\s*Not started/);
      await expect(facilitator.getByTestId('scenario-clock')).not.toContainText('elapsed');
      await saveScreenshot(facilitator, testInfo, 'views-01-facilitator-lobby');
      await expectNoSeriousA11yViolations(facilitator, 'facilitator console');
    });

    const alice = await openSmallScreen(browser, contexts, baseURL);
    const bob = await openSmallScreen(browser, contexts, baseURL);

    await test.step('invalid join link explains the code', async () => {
      await alice.goto('/join/abc');
      await expect(alice.getByTestId('join-error')).toContainText('"ABC" is not valid');
      await expect(alice.getByTestId('facilitator-token')).toHaveCount(0);
      await saveScreenshot(alice, testInfo, 'views-02-join-invalid');
      await expectNoSeriousA11yViolations(alice, 'join page');
    });

    await test.step('players wait calmly before the start', async () => {
      await joinWithTypedCode(alice, joinCode, 'Alice');
      await joinWithTypedCode(bob, joinCode, 'Bob');
      await expect(alice.getByTestId('scenario-clock')).toHaveText(/^\s*Not started/);
      await alice.getByTestId('tab-cloudtrail').click();
      await expect(alice.getByTestId('cloudtrail-waiting')).toBeVisible();
      await expect(alice.getByTestId('cloudtrail-error')).toHaveCount(0);
      await saveScreenshot(alice, testInfo, 'views-03-cloudtrail-waiting');
    });

    await test.step('new findings are counted until seen', async () => {
      await facilitator.getByTestId('start-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');
      await expect(alice.getByTestId('unseen-findings')).toHaveText('1');

      await alice.getByTestId('tab-guardduty').click();
      // The badge clears once the tab is shown; the "New" tag stays until the finding is opened.
      await expect(alice.getByTestId('unseen-findings')).toHaveCount(0);
      await expect(alice.getByTestId('finding-new')).toHaveCount(1);
      await alice.getByTestId('finding-row').first().click();
      await expect(alice.getByTestId('finding-detail')).toBeVisible();
      await expect(alice.getByTestId('finding-new')).toHaveCount(0);
      await alice.getByTestId('tab-brief').click();
      await expect(alice.getByTestId('unseen-findings')).toHaveCount(0);
    });

    await test.step('each participant tab renders and passes axe', async () => {
      for (const [tab, content] of participantTabs) {
        await alice.getByTestId(`tab-${tab}`).click();
        const panel = alice.getByTestId(`panel-${tab}`);
        await expect(panel).toBeVisible();
        await expect(panel.getByTestId(content).first()).toBeVisible();
        if (tab === 'cloudtrail') {
          await expect(panel.getByTestId('cloudtrail-row').first()).toBeVisible();
          await panel.getByTestId('cloudtrail-row').first().click();
          await expect(panel.getByTestId('json-copy')).toBeVisible();
        }
        if (tab === 'reference') {
          await expect(panel.getByTestId('reference-note').first()).toBeVisible();
          const table = panel.getByTestId('reference-table');
          await expect(table.getByRole('columnheader', { name: 'Why it matters' })).toBeVisible();
          await expect(table.getByRole('cell', { name: 'sts:GetCallerIdentity' })).toBeVisible();
          await expect(panel).not.toContainText('| --- |');
        }
        if (tab === 'scoreboard') {
          await expect(panel.getByTestId('scoreboard-row')).toHaveCount(2);
        }
        await saveScreenshot(alice, testInfo, `views-10-${tab}`);
        await expectNoSeriousA11yViolations(alice, `participant ${tab} tab`);
      }
    });

    await test.step('tabs move with the arrow keys', async () => {
      await alice.getByTestId('tab-brief').click();
      await alice.keyboard.press('ArrowRight');
      await expect(alice.getByTestId('tab-cloudtrail')).toHaveAttribute('aria-selected', 'true');
      await expect(alice.getByTestId('tab-cloudtrail')).toBeFocused();
      await alice.keyboard.press('End');
      await expect(alice.getByTestId('tab-scoreboard')).toBeFocused();
      await alice.keyboard.press('ArrowRight');
      await expect(alice.getByTestId('tab-brief')).toHaveAttribute('aria-selected', 'true');
      await expect(alice.getByTestId('tab-guardduty')).toHaveAttribute('tabindex', '-1');
    });

    await test.step('tab switches are measured without axe running', async () => {
      // axe itself runs in the page, so long tasks are recorded on a second tour without it.
      await recordLongTasks(alice);
      for (const [tab, content] of participantTabs) {
        await alice.getByTestId(`tab-${tab}`).click();
        await expect(alice.getByTestId(`panel-${tab}`).getByTestId(content).first()).toBeVisible();
      }
      await alice.waitForTimeout(200);
      const longTasks = await readLongTasks(alice);
      figures.tabTourLongTaskCount = longTasks.length;
      figures.tabTourLongestTaskMs = Math.round(Math.max(0, ...longTasks));
    });

    await test.step('CloudTrail columns fit at 1280 px', async () => {
      await alice.getByTestId('tab-cloudtrail').click();
      const fits = await alice.getByTestId('cloudtrail-row').first().evaluate((row) => {
        const table = row.closest('table');
        const wrap = table?.parentElement;
        return table !== null && wrap !== null && wrap !== undefined && table.scrollWidth <= wrap.clientWidth + 1;
      });
      expect(fits).toBe(true);
    });

    await test.step('teammates share the notepad', async () => {
      await alice.getByTestId('tab-notepad').click();
      await alice.getByTestId('notepad').fill('Check key AKIA of dev-deploy');
      await bob.getByTestId('tab-notepad').click();
      await expect(bob.getByTestId('notepad')).toHaveValue('Check key AKIA of dev-deploy');
    });

    await test.step('Athena shows plain headers, history and survives a reload', async () => {
      await alice.getByTestId('tab-athena').click();
      await alice.getByTestId('query-editor').fill('SELECT eventsource, count(*) FROM cloudtrail_logs GROUP BY 1 ORDER BY 2 DESC');
      await alice.getByTestId('query-run').click();
      await expect(alice.getByTestId('query-row').first()).toBeVisible();
      await expect(alice.getByTestId('query-results').locator('th')).toHaveText(['eventsource', '_col1']);
      await expect(bob.getByTestId('query-history-entry').first()).toContainText('Alice');
      await saveScreenshot(alice, testInfo, 'views-20-athena-result');

      await alice.reload();
      await expect(alice.getByTestId('panel-athena')).toBeVisible();
      await expect(alice.locator('.cm-content[data-testid="query-editor"]')).toContainText(/count\(\*\) FROM cloudtrail_logs/);
      figures.participantReload = await readLoadTiming(alice);
    });

    await test.step('first load of a new player is measured', async () => {
      const carol = await openSmallScreen(browser, contexts, baseURL);
      await carol.goto('/');
      await expect(carol.getByTestId('landing')).toBeVisible();
      figures.landingColdLoad = await readLoadTiming(carol);
    });

    await test.step('projector size renders the board-sized header', async () => {
      await alice.setViewportSize({ width: 1920, height: 1080 });
      await alice.getByTestId('tab-scoreboard').click();
      await saveScreenshot(alice, testInfo, 'views-30-projector-scoreboard');
    });
  } finally {
    await recordFigures({ views: figures });
    await closeAll(contexts);
  }
});
