import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { closeAll, createExercise, joinTeam, openPage, saveScreenshot, scenarioId, signInAsFacilitator } from './helpers.js';
import { expectNoSeriousA11yViolations } from './page-checks.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Red against blue drill';

/** The CI/CD user's key that the ApexCorp attacker stole, from the pack's IAM snapshot. */
const stolenKeyId = 'AKIABZPUZDIKLNSTKRFZ';
/** The attack's source address in the ApexCorp CloudTrail records, the red cell's default. */
const attackerIp = '185.220.101.45';

const listKeysCommand = 'aws iam list-access-keys --user-name dev-deploy';

/** Runs a command on the containment command line with the keyboard and returns its transcript entry. */
async function runCommand(page: Page, command: string) {
  const input = page.getByTestId('containment-input');
  await input.fill(command);
  await input.press('Enter');
  const entry = page.getByTestId('containment-entry').filter({ has: page.getByTestId('containment-command').getByText(command, { exact: true }) }).last();
  await expect(entry).toBeVisible();
  return entry;
}

/** Reads the access key ids and statuses from the JSON that `aws iam list-access-keys` prints. */
async function readAccessKeys(entry: ReturnType<Page['getByTestId']>): Promise<{ AccessKeyId: string; Status: string }[]> {
  const output = (await entry.getByTestId('containment-output').textContent()) ?? '';
  const parsed = JSON.parse(output) as { AccessKeyMetadata: { AccessKeyId: string; Status: string }[] };
  return parsed.AccessKeyMetadata;
}

test('red cell move is approved and contained', async ({ browser }, testInfo) => {
  const contexts: BrowserContext[] = [];
  try {
    const facilitator = await openPage(browser, contexts, testServerUrl());
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
    const alice = await openPage(browser, contexts, testServerUrl());
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
    const bob = await openPage(browser, contexts, testServerUrl());
    await joinTeam(bob, joinCode, exerciseName, 'Bob', 'Blue');
    await facilitator.getByTestId('start-exercise').click();
    await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');

    const redSection = facilitator.getByTestId('red-cell-section');
    const red = await openPage(browser, contexts, testServerUrl());

    await test.step('facilitator invites the red cell in approve mode', async () => {
      await redSection.getByTestId('red-mode-approve').check();
      await expect(redSection.getByTestId('red-mode-approve')).toBeChecked();

      await facilitator.getByTestId('invite-label').fill('Red team lead');
      await facilitator.getByTestId('invite-red').click();
      const link = await facilitator.getByTestId('invite-link').inputValue();
      expect(link).toContain('/red#token=');

      await red.goto(link);
      await expect(red.getByTestId('red-console')).toBeVisible();
      await expect(red.getByTestId('connection-status')).toHaveText('Connected');
      expect(new URL(red.url()).hash).toBe('');
      await expect(red.getByTestId('red-mode')).toHaveText("Each move waits for the facilitator's approval");
    });

    await test.step('red cell sends a backdoor key move', async () => {
      // The persistence technique that creates an access key for a user (ATT&CK T1098.001).
      const persistence = red.getByTestId('tactic-group').filter({ has: red.getByRole('heading', { name: 'Persistence' }) });
      await persistence.getByRole('button', { name: /T1098\.001/ }).first().click();
      await expect(red.getByTestId('technique-mitre')).toContainText('T1098.001');
      await expect(red.getByTestId('technique-calls')).toContainText('CreateAccessKey');

      const form = red.getByTestId('red-move-form');
      await expect(form.getByTestId('attacker-ip')).toHaveText(attackerIp);

      // Sending without credentials names the missing field and sends nothing.
      await form.getByTestId('move-submit').click();
      await expect(form.getByTestId('move-param-error').first()).toContainText('is required');
      await expect(red.getByTestId('red-moves-empty')).toBeVisible();

      await form.locator('select[data-kind="accessKey"]').selectOption(stolenKeyId);
      // A technique that creates the key for the caller itself has no user field.
      const userField = form.locator('select[data-kind="user"]');
      if ((await userField.count()) > 0) {
        await userField.selectOption('dev-deploy');
      }
      await expect(form.getByTestId('move-team')).toHaveValue('');
      await form.getByTestId('move-submit').click();

      await expect(form.getByTestId('move-status')).toHaveText("Move sent; it waits for the facilitator's approval.");
      const move = red.getByTestId('red-move').first();
      await expect(move.getByTestId('red-move-status')).toHaveText('Awaiting approval');
      await expect(move).toContainText('All teams');
      await saveScreenshot(red, testInfo, '20-red-console');
      await expectNoSeriousA11yViolations(red, 'red cell console');
    });

    await test.step('facilitator approves the move', async () => {
      const pending = redSection.getByTestId('red-pending').getByTestId('red-move');
      await expect(pending).toHaveCount(1);
      await expect(pending.getByTestId('red-move-technique')).toContainText('T1098.001');
      await pending.getByTestId('red-move-approve').click();

      await expect(redSection.getByTestId('red-pending').getByTestId('red-moves-empty')).toBeVisible();
      const applied = redSection.getByTestId('red-all-moves').getByTestId('red-move').first();
      await expect(applied.getByTestId('red-move-status')).toHaveText('Applied');
      await expect(applied.getByTestId('red-move-team-result').filter({ hasText: 'Blue' }).getByTestId('red-move-call').first()).toContainText('CreateAccessKey');
      await saveScreenshot(facilitator, testInfo, '21-facilitator-red-cell');
    });

    await test.step('blue team finds and deactivates the backdoor key', async () => {
      await alice.getByTestId('tab-containment').click();
      await expect(alice.getByTestId('containment-empty')).toBeVisible();

      const listed = await runCommand(alice, listKeysCommand);
      await expect(listed).toHaveAttribute('data-ok', 'true');
      await expect(listed).toContainText('Alice');
      const keys = await readAccessKeys(listed);
      expect(keys.map((key) => key.AccessKeyId)).toContain(stolenKeyId);
      expect(keys).toHaveLength(2);
      const backdoor = keys.find((key) => key.AccessKeyId !== stolenKeyId)!;
      expect(backdoor.Status).toBe('Active');

      const deactivate = `aws iam update-access-key --user-name dev-deploy --access-key-id ${backdoor.AccessKeyId} --status Inactive`;
      const updated = await runCommand(alice, deactivate);
      await expect(updated).toHaveAttribute('data-ok', 'true');
      await expect(updated.getByTestId('containment-output')).toHaveText('(no output)');

      // Up twice recalls the listing from the command line's history.
      const input = alice.getByTestId('containment-input');
      await input.press('ArrowUp');
      await input.press('ArrowUp');
      await expect(input).toHaveValue(listKeysCommand);
      await input.press('Enter');
      await expect(alice.getByTestId('containment-entry')).toHaveCount(3);
      const relisted = await readAccessKeys(alice.getByTestId('containment-entry').last());
      expect(relisted.find((key) => key.AccessKeyId === backdoor.AccessKeyId)?.Status).toBe('Inactive');
      expect(relisted.find((key) => key.AccessKeyId === stolenKeyId)?.Status).toBe('Active');
      await saveScreenshot(alice, testInfo, '22-containment-console');
      await expectNoSeriousA11yViolations(alice, 'containment console');
    });

    await test.step('a teammate sees the team transcript', async () => {
      await bob.getByTestId('tab-containment').click();
      const entries = bob.getByTestId('containment-entry');
      await expect(entries).toHaveCount(3);
      await expect(entries.nth(1)).toContainText('update-access-key');
      await expect(entries.nth(1)).toContainText('Alice');
    });

    await test.step('a missing option is named', async () => {
      const input = alice.getByTestId('containment-input');
      await input.fill('aws iam update-access-key --user-name dev-deploy --status Inactive');
      await input.press('Enter');
      // The CLI's error shows in the transcript, or beside the command line when nothing was run.
      const newest = alice.getByTestId('containment-entry').last().filter({ hasText: 'failed' });
      await expect(newest.getByTestId('containment-output').or(alice.getByTestId('containment-error'))).toContainText('--access-key-id');
    });

    await test.step('a help example fills the command line', async () => {
      await alice.getByRole('button', { name: 'Use the example of iam update-access-key' }).click();
      const input = alice.getByTestId('containment-input');
      await expect(input).toBeFocused();
      await expect(input).toHaveValue(/^aws iam update-access-key --user-name dev-deploy --access-key-id AKIA\.\.\. --status Inactive$/);
      await input.fill('');
    });

    await test.step('pausing the red cell holds its moves', async () => {
      await redSection.getByTestId('red-pause').click();
      await expect(redSection.getByTestId('red-paused-badge')).toBeVisible();
      await expect(red.getByTestId('red-paused')).toBeVisible();
      await expect(red.getByTestId('move-submit')).toBeDisabled();

      await redSection.getByTestId('red-resume').click();
      await expect(red.getByTestId('red-paused')).toBeHidden();
      await expect(red.getByTestId('move-submit')).toBeEnabled();
    });

    await test.step('red console shows the move applied', async () => {
      const move = red.getByTestId('red-move').first();
      await expect(move.getByTestId('red-move-status')).toHaveText('Applied');
      // The move was aimed at every team, so each team's copy of the account has a result.
      await expect(move.getByTestId('red-move-team-result')).toHaveCount(2);
      const firstCall = move.getByTestId('red-move-team-result').first().getByTestId('red-move-call').first();
      await expect(firstCall).toContainText('CreateAccessKey');
      await expect(firstCall).toContainText('OK');
    });
  } finally {
    await closeAll(contexts);
  }
});
