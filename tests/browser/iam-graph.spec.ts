import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, createExercise, joinTeam, saveScreenshot, scenarioId, signInAsFacilitator } from './helpers.js';
import { expectNoSeriousA11yViolations } from './page-checks.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'IAM graph drill';

test('IAM graph shows and replays the escalation', async ({ browser }, testInfo) => {
  const baseURL = testServerUrl();
  const contexts: BrowserContext[] = [];

  try {
    const facilitatorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
    contexts.push(facilitatorContext);
    const facilitator = await facilitatorContext.newPage();
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);

    const playerContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
    contexts.push(playerContext);
    const player = await playerContext.newPage();
    await joinTeam(player, joinCode, exerciseName, 'Iris', 'Blue');

    const cytoscapeRequests: string[] = [];
    player.on('request', (sent) => {
      if (/\/cytoscape-[^/]*\.js$/.test(sent.url())) cytoscapeRequests.push(sent.url());
    });

    await test.step('waits for the start', async () => {
      await player.getByTestId('tab-iam').click();
      await expect(player.getByTestId('iam-waiting')).toBeVisible();
    });

    await test.step('escalation phase released: dev-deploy is flagged', async () => {
      // The first phase releases CloudTrail up to 02:20 UTC, after the escalation at 02:03.
      await player.getByTestId('tab-brief').click();
      await facilitator.getByTestId('start-exercise').click();
      await expect(player.getByTestId('phase-toast')).toBeVisible();
      // The hidden tab has its graph already, but the graph library is its own chunk, loaded only once the tab is shown.
      await expect(player.getByTestId('iam-horizon')).toContainText('2026-05-08 02:20:00');
      await expect(player.getByTestId('iam-step')).toHaveValue('10');
      expect(cytoscapeRequests).toEqual([]);
      await player.getByTestId('tab-iam').click();
      await expect(player.getByTestId('iam-horizon')).toContainText('2026-05-08 02:20:00');
      const devDeploy = player.locator('[data-testid="iam-node-row"][data-node-id="user:dev-deploy"]');
      await expect(devDeploy.getByTestId('iam-node-flags')).toHaveText('▲ ESCALATED');
      const backdoor = player.locator('[data-testid="iam-node-row"][data-node-id="user:svc-backup"]');
      await expect(backdoor.getByTestId('iam-node-flags')).toHaveText('▲ ESCALATED ✚ NEW');
      await expect(player.getByTestId('iam-canvas').locator('canvas').first()).toBeVisible();
      expect(cytoscapeRequests).toHaveLength(1);
      await saveScreenshot(player, testInfo, 'iam-01-graph');
      await expectNoSeriousA11yViolations(player, 'IAM graph');
    });

    await test.step('slider replays the changes', async () => {
      const slider = player.getByTestId('iam-step');
      await expect(slider).toHaveAttribute('max', '10');
      await expect(slider).toHaveValue('10');
      await slider.focus();
      await player.keyboard.press('Home');
      await expect(player.getByTestId('iam-step-description')).toContainText('The snapshot at 2026-05-07 00:00:00 UTC');
      await expect(player.locator('[data-testid="iam-node-row"][data-node-id="user:svc-backup"]')).toHaveCount(0);
      await expect(player.locator('[data-testid="iam-node-row"][data-node-id="user:dev-deploy"]').getByTestId('iam-node-flags')).toHaveText('');

      // Step 5 is the attacker's AttachUserPolicy of AdministratorAccess.
      for (let step = 0; step < 5; step += 1) await player.keyboard.press('ArrowRight');
      await expect(player.getByTestId('iam-step-description')).toContainText('2026-05-08 02:03:18 UTC, AttachUserPolicy: dev-deploy attached AdministratorAccess to user dev-deploy');
      await expect(player.locator('[data-testid="iam-node-row"][data-node-id="user:dev-deploy"]').getByTestId('iam-node-flags')).toHaveText('▲ ESCALATED');
      await expect(player.locator('[data-testid="iam-node-row"][data-node-id="user:svc-backup"]')).toHaveCount(0);
    });

    await test.step('node from the list shows its events', async () => {
      await player.getByTestId('iam-step-latest').click();
      await player.locator('[data-testid="iam-node-row"][data-node-id="user:dev-deploy"]').getByRole('button', { name: 'dev-deploy' }).focus();
      await player.keyboard.press('Enter');
      await expect(player.getByTestId('iam-details-title')).toHaveText('User dev-deploy');
      await expect(player.getByTestId('iam-details-attributes')).toContainText('Administrator access');
      const events = player.getByTestId('iam-details-event');
      await expect(events).toHaveCount(2);
      await expect(events.nth(0)).toContainText('CreateAccessKey');
      await expect(events.nth(1)).toContainText('dev-deploy attached AdministratorAccess to user dev-deploy');

      await events.nth(1).getByTestId('iam-timeline-add').click();
      await expect(player.getByTestId('iam-timeline-status')).toHaveText('Added to the team timeline.');
      await expect(events.nth(1).getByTestId('iam-timeline-add')).toHaveText('On the timeline');
      await player.getByTestId('tab-timeline').click();
      await expect(player.locator('[data-testid="timeline-entry"][data-ref-id="a6459e80-7620-431b-a0b0-09baea03b128"]')).toContainText('iam:AttachUserPolicy');
      await player.getByTestId('tab-iam').click();
      await saveScreenshot(player, testInfo, 'iam-02-details');
      await expectNoSeriousA11yViolations(player, 'IAM graph details');
    });

    await test.step('click on a row outside the name selects', async () => {
      const row = player.locator('[data-testid="iam-node-row"][data-node-id="user:svc-backup"]');
      await row.getByTestId('iam-node-flags').click();
      await expect(player.getByTestId('iam-details-title')).toHaveText('User svc-backup');
      await expect(row.getByRole('button', { name: 'svc-backup' })).toHaveAttribute('aria-pressed', 'true');
    });
  } finally {
    await closeAll(contexts);
  }
});
