import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { containmentCommandsHelp } from '../../server/containment/help.js';
import { closeAll, createExercise, joinTeam, saveScreenshot, scenarioId, scoreboardScore, signInAsFacilitator } from './helpers.js';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './page-checks.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Red against blue drill';

/** The CI/CD user's key that the ApexCorp attacker stole, from the pack's IAM snapshot. */
const stolenKeyId = 'AKIABZPUZDIKLNSTKRFZ';
/** The attack's source address in the ApexCorp CloudTrail records, the red cell's default. */
const attackerIp = '185.220.101.45';
/** The user the red cell's backdoor move creates. No user of the scenario has this name. */
const backdoorUser = 'svc-sync-agent';

const listKeysCommand = `aws iam list-access-keys --user-name ${backdoorUser}`;

/** Opens a page at a common laptop size (1280x720), so the layout checks cover a laptop screen. */
async function openLaptop(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: testServerUrl(), viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  return context.newPage();
}

/** Runs a command on the containment command line with the keyboard and returns its transcript entry. */
async function runCommand(page: Page, command: string): Promise<Locator> {
  const input = page.getByTestId('containment-input');
  await input.fill(command);
  await input.press('Enter');
  const entry = page.getByTestId('containment-entry').filter({ has: page.getByTestId('containment-command').getByText(command, { exact: true }) }).last();
  await expect(entry).toBeVisible();
  return entry;
}

/** Matches a time shown without milliseconds, such as `2026-05-08 02:20:05`. */
const shownTime = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`;

/** Reads the access key ids and statuses from the JSON that `aws iam list-access-keys` prints. */
async function readAccessKeys(entry: Locator): Promise<{ AccessKeyId: string; Status: string }[]> {
  const output = (await entry.getByTestId('containment-output').textContent()) ?? '';
  const parsed = JSON.parse(output) as { AccessKeyMetadata: { AccessKeyId: string; Status: string }[] };
  return parsed.AccessKeyMetadata;
}

test('red cell move is approved and contained', async ({ browser }, testInfo) => {
  const contexts: BrowserContext[] = [];
  try {
    const facilitator = await openLaptop(browser, contexts);
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
    const alice = await openLaptop(browser, contexts);
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
    const bob = await openLaptop(browser, contexts);
    await joinTeam(bob, joinCode, exerciseName, 'Bob', 'Blue');
    await facilitator.getByTestId('start-exercise').click();
    await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');

    const redSection = facilitator.getByTestId('red-cell-section');
    const red = await openLaptop(browser, contexts);

    await test.step('facilitator invites the red cell in approve mode', async () => {
      await expect(redSection.getByTestId('red-all-moves').getByTestId('red-moves-empty')).toHaveText('No moves yet. Invite a red cell under Invitations to start.');
      // The team size field shows its whole placeholder beside the spin buttons of the number input.
      const sizeField = await facilitator.getByTestId('team-size-max').evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        const contentWidth = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { placeholder: input.placeholder, textWidth: context.measureText(input.placeholder).width, contentWidth };
      });
      expect(sizeField.placeholder).toBe('no limit');
      expect(sizeField.textWidth, 'placeholder width beside about 16 px of spin buttons').toBeLessThanOrEqual(sizeField.contentWidth - 16);

      await redSection.getByTestId('red-mode-approve').check();
      await expect(redSection.getByTestId('red-mode-approve')).toBeChecked();
      // The live region for waiting moves is in the page before any move, so its first count is announced.
      await expect(facilitator.getByTestId('red-approval-notice')).toHaveAttribute('role', 'status');
      await expect(facilitator.getByTestId('red-approval-notice')).toHaveText('');

      await facilitator.getByTestId('invite-label').fill('Red team lead');
      await facilitator.getByTestId('invite-red').click();
      const link = await facilitator.getByTestId('invite-link').inputValue();
      expect(link).toContain('/red#token=');

      await red.goto(link);
      await expect(red.getByTestId('red-console')).toBeVisible();
      await expect(red.getByTestId('connection-status')).toHaveText('Connected');
      expect(new URL(red.url()).hash).toBe('');
      await expect(red.getByTestId('red-mode')).toHaveText("Each move waits for the facilitator's approval");
      await expect(red.getByTestId('red-moves-empty')).toHaveText('No moves yet.');
    });

    await test.step('red cell sends a backdoor user move', async () => {
      // The first Tab reaches the skip link, which is out of sight until then.
      await red.keyboard.press('Tab');
      await expect(red.getByTestId('skip-to-move-form')).toBeFocused();
      await expect(red.getByTestId('skip-to-move-form')).toHaveText('Skip to the move form');
      await expect(red.getByTestId('skip-to-move-form')).toBeInViewport();

      // The persistence technique that creates an IAM user with a key (ATT&CK T1136.003).
      const persistence = red.getByTestId('tactic-group').filter({ has: red.getByRole('heading', { name: 'Persistence' }) });
      await persistence.getByRole('button', { name: /T1136\.003 Create a backdoor IAM user/ }).click();
      await expect(red.getByTestId('technique-mitre')).toContainText('T1136.003');
      await expect(red.getByTestId('technique-calls')).toContainText('iam:CreateUser');
      await expect(red.getByTestId('technique-calls')).toContainText('iam:CreateAccessKey');

      const form = red.getByTestId('red-move-form');
      // Picking a technique moves the focus to its name, so the next Tab reaches the form, not the rest of the catalog.
      await expect(red.getByTestId('technique-name')).toBeFocused();
      await red.keyboard.press('Tab');
      await expect(form.getByTestId('move-param-accessKey')).toBeFocused();
      await expect(form.getByTestId('move-submit')).toHaveText('Make move against: All teams');
      // Left empty, the calls come from the scenario's attacker address.
      await expect(form.getByTestId('move-param-sourceIpAddress')).toHaveAttribute('placeholder', `Default: ${attackerIp}`);

      // Sending without credentials names the missing field and sends nothing.
      await form.getByTestId('move-submit').click();
      await expect(form.getByTestId('move-param-error')).toHaveText('Access key is required. Choose one from the list.');
      await expect(form.getByTestId('move-error')).toHaveText('Check the fields marked above, then send the move again.');
      await expect(red.getByTestId('red-moves-empty')).toBeVisible();

      await form.getByTestId('move-param-accessKey').selectOption(stolenKeyId);
      // The user to create is typed, since no user of the account can be picked for it.
      const newUser = form.getByTestId('move-param-newUserName');
      await expect(newUser).toHaveAttribute('placeholder', 'Default: svc-backup-agent');
      // The server checks the name, and its message shows under the field.
      await newUser.fill('svc sync');
      await form.getByTestId('move-submit').click();
      await expect(form.getByTestId('move-param-error')).toContainText('must be an IAM name of 1 to 64 letters, digits or +=,.@_-');
      await expect(newUser).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByTestId('move-error')).toHaveText('The move was not made. Fix the field marked above, then send it again.');
      await expect(red.getByTestId('red-moves-empty')).toBeVisible();

      await newUser.fill(backdoorUser);
      await expect(newUser).toHaveAttribute('aria-invalid', 'false');
      await expect(form.getByTestId('move-team')).toHaveValue('');
      await form.getByTestId('move-submit').click();

      await expect(form.getByTestId('move-status')).toHaveText("Move sent; it waits for the facilitator's approval.");
      await expect(form.getByTestId('move-error')).toHaveCount(0);
      const move = red.getByTestId('red-move').first();
      await expect(move.getByTestId('red-move-status')).toHaveText('Awaiting approval');
      await expect(move).toContainText('All teams');
      await expect(move).toContainText(`newUserName=${backdoorUser}`);
      await saveScreenshot(red, testInfo, '20-red-console');
      await expectNoSeriousA11yViolations(red, 'red cell console');
      await expectNoHorizontalOverflow(red, 'red cell console');
    });

    await test.step('facilitator approves the move', async () => {
      const pending = redSection.getByTestId('red-pending').getByTestId('red-move');
      await expect(pending).toHaveCount(1);
      await expect(pending.getByTestId('red-move-technique')).toHaveText('T1136.003 Create a backdoor IAM user');

      // The top of the console shows that a move waits, because the Red cell section is far down the page.
      await facilitator.evaluate(() => window.scrollTo(0, 0));
      const notice = facilitator.getByTestId('red-approval-notice');
      await expect(notice).toHaveAttribute('role', 'status');
      await expect(notice.getByTestId('red-approval-count')).toHaveText('1 red cell move waits for your approval.');
      await expect(notice).toBeInViewport();
      await expect(redSection).not.toBeInViewport();
      await notice.getByTestId('red-approval-open').click();
      await expect(redSection.getByRole('heading', { name: 'Red cell', exact: true })).toBeFocused();
      await expect(redSection.getByRole('heading', { name: 'Red cell', exact: true })).toBeInViewport();

      // Both clocks are named in the facilitator's table too.
      await expect(pending.getByTestId('red-move-times')).toHaveText(new RegExp(`^\\s*Requested ${shownTime} UTC \\(wall clock\\)\\s*$`));
      await pending.getByTestId('red-move-approve').click();
      await expect(notice.getByTestId('red-approval-count')).toHaveCount(0);

      await expect(redSection.getByTestId('red-decision-status')).toHaveText('Approved T1136.003 Create a backdoor IAM user. Applied to 2 teams: 4 of 4 calls succeeded.');
      await expect(redSection.getByTestId('red-pending').getByTestId('red-moves-empty')).toHaveText('No moves waiting for approval.');
      const applied = redSection.getByTestId('red-all-moves').getByTestId('red-move').first();
      await expect(applied.getByTestId('red-move-status')).toHaveText('Applied');
      const blueCalls = applied.getByTestId('red-move-team-result').filter({ hasText: 'Blue' }).getByTestId('red-move-call');
      await expect(blueCalls).toHaveText([/CreateUser\s+OK/, /CreateAccessKey\s+OK/]);
      await expect(applied.getByTestId('red-move-results').locator('th')).toHaveText([
        'Team',
        'Calls',
        'Findings, due at (scenario time, UTC)',
        'Detected (wall clock, UTC)',
        'Contained (wall clock, UTC)',
      ]);
      await redSection.scrollIntoViewIfNeeded();
      await saveScreenshot(facilitator, testInfo, '21-facilitator-red-cell');
      await expectNoHorizontalOverflow(facilitator, 'red cell section of the facilitator console', redSection);
      await expectNoSeriousA11yViolations(facilitator, 'facilitator console with the red cell section');
    });

    await test.step('blue team finds and deactivates the backdoor key', async () => {
      await alice.getByTestId('tab-containment').click();
      await expect(alice.getByTestId('containment-empty')).toHaveText('No commands run by your team yet.');

      const listed = await runCommand(alice, listKeysCommand);
      await expect(listed).toHaveAttribute('data-ok', 'true');
      await expect(listed).toContainText('Alice');
      const keys = await readAccessKeys(listed);
      expect(keys).toHaveLength(1);
      expect(keys[0]!.Status).toBe('Active');
      const backdoorKey = keys[0]!.AccessKeyId;
      expect(backdoorKey).not.toBe(stolenKeyId);

      const deactivate = `aws iam update-access-key --user-name ${backdoorUser} --access-key-id ${backdoorKey} --status Inactive`;
      const updated = await runCommand(alice, deactivate);
      await expect(updated).toHaveAttribute('data-ok', 'true');
      await expect(updated.getByTestId('containment-output')).toHaveText('(no output)');
      await expect(updated.getByTestId('containment-points')).toHaveText('+40 points');
      await expect(updated.getByTestId('containment-reason')).toHaveText('Contained "Create a backdoor IAM user" (+40).');
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText('40');

      // Up twice recalls the listing from the command line's history.
      const input = alice.getByTestId('containment-input');
      await input.press('ArrowUp');
      await input.press('ArrowUp');
      await expect(input).toHaveValue(listKeysCommand);
      await input.press('Enter');
      await expect(alice.getByTestId('containment-entry')).toHaveCount(3);
      const relisted = await readAccessKeys(alice.getByTestId('containment-entry').last());
      expect(relisted).toEqual([expect.objectContaining({ AccessKeyId: backdoorKey, Status: 'Inactive' })]);

      // At 1280x720 the tabs take one row, the transcript gets most of the height and scrolls, and the command line stays in view.
      const firstTab = await alice.getByTestId('tab-brief').boundingBox();
      const lastTab = await alice.getByTestId('tab-scoreboard').boundingBox();
      expect(lastTab?.y, 'row of the last tab').toBe(firstTab?.y);
      await alice.evaluate(() => window.scrollTo(0, 0));
      await expect(input).toBeInViewport({ ratio: 1 });
      const transcript = alice.getByTestId('containment-transcript');
      const transcriptBox = await transcript.boundingBox();
      expect(transcriptBox?.height, 'transcript height (px)').toBeGreaterThanOrEqual(300);
      const scrolls = await transcript.evaluate((log) => log.scrollHeight > log.clientHeight && log.scrollTop > 0);
      expect(scrolls, 'transcript scrolled to its newest command').toBe(true);
      await saveScreenshot(alice, testInfo, '22-containment-console');
      await expectNoSeriousA11yViolations(alice, 'containment console');
      await expectNoHorizontalOverflow(alice, 'containment console');
    });

    await test.step('a teammate sees the team transcript', async () => {
      await bob.getByTestId('tab-containment').click();
      const entries = bob.getByTestId('containment-entry');
      await expect(entries).toHaveCount(3);
      await expect(entries.nth(1).getByTestId('containment-command')).toContainText('update-access-key');
      await expect(entries.nth(1)).toContainText('Alice');
      await expect(entries.nth(1).getByTestId('containment-points')).toHaveText('+40 points');
    });

    await test.step('a missing option is named', async () => {
      const input = alice.getByTestId('containment-input');
      await input.fill(`aws iam update-access-key --user-name ${backdoorUser} --status Inactive`);
      await input.press('Enter');
      // The parser rejects the command, so nothing runs and the error shows only to the member who typed it.
      const newest = alice.getByTestId('containment-entry').last();
      await expect(newest).toContainText('not run, only you see this');
      await expect(newest.getByTestId('containment-output')).toContainText('--access-key-id');
      await expect(bob.getByTestId('containment-entry')).toHaveCount(3);
    });

    await test.step('help lists what the server accepts', async () => {
      const listed = await alice.getByTestId('containment-help-command').evaluateAll((items) => items.map((item) => item.getAttribute('data-command')));
      expect(listed).toEqual(containmentCommandsHelp().map((entry) => entry.command));

      const helped = await runCommand(alice, 'aws iam update-access-key help');
      await expect(helped.getByTestId('containment-output')).toContainText('usage: aws iam update-access-key --access-key-id <value> --status Active|Inactive');

      await alice.getByRole('button', { name: 'Use the example of iam update-access-key' }).click();
      const input = alice.getByTestId('containment-input');
      await expect(input).toBeFocused();
      await expect(input).toHaveValue(/^aws iam update-access-key --user-name dev-deploy --access-key-id AKIA\.\.\. --status Inactive$/);
      await input.fill('');
    });

    await test.step('CloudTrail shows the attacker call', async () => {
      await alice.getByTestId('tab-cloudtrail').click();
      const panel = alice.getByTestId('panel-cloudtrail');
      await panel.getByTestId('cloudtrail-attribute').selectOption('eventName');
      await panel.getByTestId('cloudtrail-attribute-value').fill('CreateUser');
      await panel.getByTestId('cloudtrail-attribute-value').press('Enter');
      await expect(panel.getByTestId('cloudtrail-chip')).toHaveText([/Event name = CreateUser/]);

      const fromAttacker = panel.getByTestId('cloudtrail-row').filter({ hasText: attackerIp });
      await expect(fromAttacker.first()).toBeVisible();
      // The scenario's own story may also create users, so the request parameters pick out the move's event.
      let found = false;
      for (const row of await fromAttacker.all()) {
        await row.click();
        const json = (await panel.getByTestId('json-view').textContent()) ?? '';
        if (json.includes(`"userName": "${backdoorUser}"`)) {
          found = true;
          expect(json).toContain(`"accessKeyId": "${stolenKeyId}"`);
          break;
        }
      }
      expect(found, `a CreateUser event for ${backdoorUser} from ${attackerIp}`).toBe(true);

      // Putting the attacker's event on the timeline counts as detecting the move (+30).
      await panel.getByTestId('timeline-add').click();
      await expect(panel.getByTestId('timeline-add-status')).toHaveText('Added to the team timeline.');
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText('70');
    });

    await test.step('facilitator rejects a move', async () => {
      const form = red.getByTestId('red-move-form');
      await expect(form.getByTestId('move-status')).toHaveText('The facilitator approved the move. Applied to 2 teams: 4 of 4 calls succeeded.');

      await red.getByRole('button', { name: 'T1087.004 Check whose key it is' }).click();
      await form.getByTestId('move-param-accessKey').selectOption(stolenKeyId);
      await form.getByTestId('move-submit').click();
      await expect(form.getByTestId('move-status')).toHaveText("Move sent; it waits for the facilitator's approval.");

      const pending = redSection.getByTestId('red-pending').getByTestId('red-move');
      await expect(pending.getByTestId('red-move-technique')).toHaveText('T1087.004 Check whose key it is');
      await pending.getByTestId('red-move-reject').click();
      await expect(redSection.getByTestId('red-decision-status')).toHaveText('Rejected T1087.004 Check whose key it is. The red cell sees it as rejected.');

      await expect(form.getByTestId('move-status')).toHaveText('Rejected by the facilitator; no call was made.');
      const rejected = red.getByTestId('red-move').first();
      await expect(rejected.getByTestId('red-move-status')).toHaveText('Rejected');
      await expect(rejected.getByTestId('red-move-results')).toHaveCount(0);
    });

    await test.step('switching technique resets the form', async () => {
      const form = red.getByTestId('red-move-form');
      await red.getByRole('button', { name: 'T1562.001 Delete the GuardDuty detector' }).click();
      // The account has one detector, so it is chosen already.
      const detector = form.locator('select[data-kind=detector]');
      await expect(detector).not.toHaveValue('');
      await expect(detector.locator('option:checked')).not.toHaveText(/^Choose/);

      await form.getByTestId('move-team').selectOption({ label: 'Blue' });
      await expect(form.getByTestId('move-submit')).toHaveText('Make move against: Blue');
      await form.getByTestId('move-submit').click();
      await expect(form.getByTestId('move-error')).toHaveText('Check the fields marked above, then send the move again.');

      await red.getByRole('button', { name: 'T1087.004 Check whose key it is' }).click();
      await expect(form.getByTestId('move-error')).toHaveCount(0);
      await expect(form.getByTestId('move-param-error')).toHaveCount(0);
      await expect(form.getByTestId('move-team')).toHaveValue('');
      await expect(form.getByTestId('move-submit')).toHaveText('Make move against: All teams');

      // The skip link leads a keyboard user straight to the first field of the open technique.
      await red.getByTestId('skip-to-move-form').focus();
      await red.keyboard.press('Enter');
      await expect(form.getByTestId('move-param-accessKey')).toBeFocused();
    });

    await test.step('an exfiltration move scores at once', async () => {
      await redSection.getByTestId('red-mode-auto').check();
      await expect(red.getByTestId('red-mode')).toHaveText('Moves apply at once');

      await red.getByRole('button', { name: 'T1530 Download many objects from a bucket' }).click();
      const form = red.getByTestId('red-move-form');
      await form.getByTestId('move-param-accessKey').selectOption(stolenKeyId);
      // The scenario's stolen data sits in this bucket, so the move downloads objects.
      await form.getByTestId('move-param-bucket').selectOption('apexcorp-customer-data');
      await form.getByTestId('move-param-maxObjects').fill('5');
      await form.getByTestId('move-submit').click();

      await expect(form.getByTestId('move-status')).toHaveText('Applied to 2 teams: 12 of 12 calls succeeded.');
      const blueCalls = red.getByTestId('red-move').first().getByTestId('red-move-team-result').filter({ hasText: 'Blue' }).getByTestId('red-move-call');
      await expect(blueCalls.first()).toHaveText(/ListObjects\s+OK/);
      await expect(blueCalls.nth(1)).toHaveText(/GetObject\s+OK/);
      // The red cell earns 15 points in each team's copy where the data was reached.
      await expect(red.getByTestId('red-score')).toHaveText('Score: 30');
      await expect(redSection.getByTestId('red-panel-score')).toHaveText('Red cell score: 30');
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

    await test.step('red console shows the move applied and contained', async () => {
      const move = red.getByTestId('red-move').filter({ has: red.getByTestId('red-move-technique').getByText('T1136.003 Create a backdoor IAM user') });
      await expect(move.getByTestId('red-move-status')).toHaveText('Applied');
      await expect(move.getByTestId('red-move-outcome')).toHaveText('Applied to 2 teams: 4 of 4 calls succeeded.');
      // The move was aimed at every team, so each team's copy of the account has a result.
      await expect(move.getByTestId('red-move-team-result')).toHaveCount(2);
      const blue = move.getByTestId('red-move-team-result').filter({ hasText: 'Blue' });
      const green = move.getByTestId('red-move-team-result').filter({ hasText: 'Green' });
      await expect(blue.getByTestId('red-move-call')).toHaveText([/CreateUser\s+OK/, /CreateAccessKey\s+OK/]);
      await expect(blue.getByTestId('red-move-contained')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      await expect(blue.getByTestId('red-move-detected')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      await expect(green.getByTestId('red-move-detected')).toHaveText('Not yet');
      await expect(green.getByTestId('red-move-contained')).toHaveText('Not yet');
      // Each time names its clock: the request on the wall clock, the calls and the findings' due times on the scenario clock.
      await expect(move.getByTestId('red-move-times')).toHaveText(new RegExp(`^\\s*Requested ${shownTime} UTC \\(wall clock\\) · calls made at ${shownTime} UTC \\(scenario time\\)\\s*$`));
      await expect(move.getByTestId('red-findings-note')).toHaveText(
        'A finding reaches the team\'s GuardDuty list when the scenario clock reaches its due time. Releasing the next phase moves the scenario clock forward, so every pending finding may arrive at once.',
      );
      await saveScreenshot(red, testInfo, '23-red-console-contained');
      await expectNoHorizontalOverflow(red, 'red cell console with results');
      await expectNoSeriousA11yViolations(red, 'red cell console with results');
    });

    await test.step('revoking the pipeline key costs points', async () => {
      await alice.getByTestId('tab-containment').click();
      const revoke = await runCommand(alice, `aws iam update-access-key --user-name dev-deploy --access-key-id ${stolenKeyId} --status Inactive`);
      await expect(revoke).toHaveAttribute('data-ok', 'true');
      // Revoking the key contains the download (+40), but the CI pipeline still signs with it and has no other active key (-25).
      await expect(revoke.getByTestId('containment-points')).toHaveText('+15 points');
      await expect(revoke.getByTestId('containment-reason')).toContainText('Contained "Download many objects from a bucket" (+40).');
      await expect(revoke.getByTestId('containment-reason')).toContainText('no new active key');
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText('85');
    });
  } finally {
    await closeAll(contexts);
  }
});
