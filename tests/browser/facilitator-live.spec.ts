import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, createExercise, joinTeam, openPage, saveScreenshot, scenarioId, signInAsFacilitator } from './helpers.js';
import { expectNoSeriousA11yViolations } from './page-checks.js';
import { testServerUrl } from './server-env.js';

// The first phase of `apexcorp-prod` opens this objective, and this answer solves it.
const objectiveId = 'compromised-user';
const correctAnswer = 'dev-deploy';
const exerciseName = 'Live progress drill';

test('facilitator follows teams live and reads their work', async ({ browser }, testInfo) => {
  const contexts: BrowserContext[] = [];
  try {
    const facilitator = await openPage(browser, contexts, testServerUrl());
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
    const alice = await openPage(browser, contexts, testServerUrl());
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
    await facilitator.getByTestId('start-exercise').click();
    await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');

    const blueRow = facilitator.getByTestId('progress-row').filter({ hasText: 'Blue' });
    const greenRow = facilitator.getByTestId('progress-row').filter({ hasText: 'Green' });

    await test.step('an online player shows in the table', async () => {
      const member = blueRow.getByTestId('progress-member');
      await expect(member).toHaveText('Alice');
      await expect(member).toHaveAttribute('data-online', 'true');
      await expect(blueRow.getByTestId('progress-timeline')).toHaveText('0');
    });

    await test.step('a timeline entry and an answer update the row', async () => {
      await alice.getByTestId('tab-guardduty').click();
      await alice.getByTestId('finding-row').first().click();
      await alice.getByTestId('panel-guardduty').getByTestId('timeline-add').click();
      await expect(alice.getByTestId('panel-guardduty').getByTestId('timeline-add-status')).toHaveText('Added to the team timeline.');
      await expect(blueRow.getByTestId('progress-timeline')).toHaveText('1');

      await alice.getByTestId('tab-objectives').click();
      const card = alice.getByTestId(`objective-${objectiveId}`);
      const points = Number.parseInt((await card.getByTestId('objective-points').textContent()) ?? '', 10);
      await card.getByTestId('objective-answer').fill(correctAnswer);
      await card.getByTestId('objective-submit').click();
      await expect(card).toHaveAttribute('data-solved', 'true');
      await expect(blueRow.getByTestId('progress-objectives')).toHaveText(/^1 \/ 1 \/ \d+$/);
      await expect(blueRow.getByTestId('progress-score')).toHaveText(String(points));
      await expect(greenRow.getByTestId('progress-score')).toHaveText('0');
    });

    await test.step('the table sorts by score or by last activity', async () => {
      const bob = await openPage(browser, contexts, testServerUrl());
      await joinTeam(bob, joinCode, exerciseName, 'Bob', 'Green');
      await expect(greenRow.getByTestId('progress-member')).toHaveAttribute('data-online', 'true');

      const rows = facilitator.getByTestId('progress-row');
      await expect(rows.first()).toContainText('Blue');
      await facilitator.getByTestId('progress-sort').selectOption('activity');
      await expect(rows.first()).toContainText('Green');
      await facilitator.getByTestId('progress-sort').selectOption('score');
      await expect(rows.first()).toContainText('Blue');

      await bob.context().close();
      await expect(greenRow.getByTestId('progress-member')).toHaveAttribute('data-online', 'false');
      await expect(greenRow.getByTestId('progress-member')).toHaveText('Bob (offline)');
      await saveScreenshot(facilitator, testInfo, 'facilitator-progress');
    });

    await test.step('the team view shows the work read-only and live', async () => {
      await blueRow.getByTestId('view-team').click();
      const viewer = facilitator.getByTestId('team-viewer');
      await expect(viewer.getByTestId('viewer-status')).toHaveAttribute('data-status', 'connected');
      await expect(viewer.getByTestId('viewer-timeline-entry')).toHaveCount(1);
      await expect(viewer.locator('input, textarea, select, [contenteditable]')).toHaveCount(0);
      await expect(viewer.getByTestId('viewer-report-empty')).toContainText('Executive summary');
      await expectNoSeriousA11yViolations(facilitator, 'facilitator console with a team view');

      await alice.getByTestId('tab-notepad').click();
      await alice.getByTestId('notepad').fill('Key AKIA of dev-deploy is burnt');
      await expect(viewer.getByTestId('viewer-notepad')).toHaveText('Key AKIA of dev-deploy is burnt');

      await alice.getByTestId('tab-athena').click();
      await alice.getByTestId('query-editor').fill('SELECT 42 AS answer');
      await alice.getByTestId('query-run').click();
      await expect(alice.getByTestId('query-results').getByTestId('query-row')).toHaveText(['42']);
      await expect(viewer.getByTestId('viewer-query')).toContainText('SELECT 42 AS answer');
      await expect(blueRow.getByTestId('progress-queries')).toHaveText('1');
      await saveScreenshot(facilitator, testInfo, 'facilitator-team-view');

      await viewer.getByTestId('viewer-close').click();
      await expect(facilitator.getByTestId('team-viewer')).toHaveCount(0);
    });
  } finally {
    await closeAll(contexts);
  }
});
