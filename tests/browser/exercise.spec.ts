import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, joinTeam, openPage, saveScreenshot, scenarioId, scoreboardScore } from './helpers.js';
import { testFacilitatorToken, testServerUrl } from './server-env.js';

// Facts of the `apexcorp-prod` scenario that this test relies on: its first phase releases one
// HIGH finding, and this objective accepts this answer.
const objectiveId = 'compromised-user';
const correctAnswer = 'dev-deploy';
const exerciseName = 'Browser drill';

test('exercise runs live for facilitator and two teams', async ({ browser }, testInfo) => {
  const baseURL = testServerUrl();
  const contexts: BrowserContext[] = [];

  try {
    const facilitator = await openPage(browser, contexts, baseURL);
    let joinCode = '';

    await test.step('facilitator signs in from the landing page', async () => {
      await facilitator.goto('/');
      await expect(facilitator.getByTestId('landing')).toBeVisible();
      await saveScreenshot(facilitator, testInfo, '01-landing');

      await facilitator.getByTestId('facilitator-token').fill(testFacilitatorToken);
      await facilitator.getByTestId('facilitator-sign-in').click();
      await expect(facilitator.getByTestId('facilitator-console')).toBeVisible();
      await expect(facilitator.getByTestId('connection-status')).toHaveText('Connected');
    });

    await test.step('facilitator creates an exercise with two teams', async () => {
      await facilitator.getByTestId('create-scenario').selectOption(scenarioId);
      await facilitator.getByTestId('create-name').fill(exerciseName);
      const teamInputs = facilitator.getByTestId('create-team-input');
      await expect(teamInputs).toHaveCount(2);
      await expect(teamInputs.nth(0)).toHaveValue('Blue');
      await expect(teamInputs.nth(1)).toHaveValue('Green');
      await facilitator.getByTestId('create-submit').click();

      const code = facilitator.getByTestId('join-code');
      await expect(code).toHaveText(/^[A-Z0-9]{6}$/);
      joinCode = (await code.textContent())?.trim() ?? '';
      await expect(facilitator.getByTestId('join-link')).toHaveValue(`${baseURL}/join/${joinCode}`);
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('ready');
    });

    const alice = await openPage(browser, contexts, baseURL);
    const bob = await openPage(browser, contexts, baseURL);
    const carol = await openPage(browser, contexts, baseURL);
    const participants = [alice, bob, carol];

    await test.step('three participants join through the join link', async () => {
      await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
      await joinTeam(bob, joinCode, exerciseName, 'Bob', 'Blue');
      await joinTeam(carol, joinCode, exerciseName, 'Carol', 'Green');

      const blueCard = facilitator.getByTestId('team-card').filter({ hasText: 'Blue' });
      const greenCard = facilitator.getByTestId('team-card').filter({ hasText: 'Green' });
      await expect(blueCard.getByTestId('team-member')).toHaveText(['Alice', 'Bob']);
      await expect(greenCard.getByTestId('team-member')).toHaveText(['Carol']);

      await expect(alice.getByTestId('teammates-online')).toContainText('Bob');
      await expect(bob.getByTestId('teammates-online')).toContainText('Alice');
      await expect(carol.getByTestId('teammates-online')).not.toContainText('Alice');
    });

    await test.step('every participant sees the HIGH finding after the start', async () => {
      await facilitator.getByTestId('start-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');
      await expect(facilitator.getByTestId('phase-title')).toContainText('Phase 1 of');
      await saveScreenshot(facilitator, testInfo, '02-facilitator-console');

      await expect(alice.getByTestId('phase-toast')).toBeVisible();
      for (const page of participants) {
        await page.getByTestId('tab-guardduty').click();
        const rows = page.getByTestId('finding-row');
        await expect(rows).toHaveCount(1);
        await expect(rows.first()).toHaveAttribute('data-severity', 'HIGH');
        await expect(rows.first().getByTestId('finding-severity')).toHaveText('HIGH');
        await expect(page.getByTestId('severity-count-high')).toHaveText('1');
        await expect(page.getByTestId('phase-title')).toContainText('Phase 1 of');
      }

      await alice.getByTestId('finding-row').first().click();
      await expect(alice.getByTestId('finding-detail').getByTestId('json-view')).toContainText('"Severity"');
      await saveScreenshot(alice, testInfo, '04-participant-guardduty');

      await alice.getByTestId('tab-brief').click();
      await expect(alice.getByTestId('brief-summary')).not.toBeEmpty();
      await saveScreenshot(alice, testInfo, '03-participant-brief');
    });

    await test.step('timeline entry reaches the teammate and not the other team', async () => {
      await alice.getByTestId('tab-cloudtrail').click();
      const cloudTrail = alice.getByTestId('panel-cloudtrail');
      const firstRow = cloudTrail.getByTestId('cloudtrail-row').first();
      await expect(firstRow).toBeVisible();
      const eventId = await firstRow.getAttribute('data-event-id');
      expect(eventId).toBeTruthy();

      await firstRow.click();
      await expect(cloudTrail.getByTestId('json-view')).toContainText(`"eventID": "${eventId}"`);
      await saveScreenshot(alice, testInfo, '05-participant-cloudtrail');
      await cloudTrail.getByTestId('timeline-add').click();
      await expect(cloudTrail.getByTestId('timeline-add-status')).toHaveText('Added to the team timeline.');

      await carol.getByTestId('tab-timeline').click();
      await expect(carol.getByTestId('collab-status')).toHaveAttribute('data-status', 'connected');
      await bob.getByTestId('tab-timeline').click();
      const bobEntries = bob.getByTestId('timeline-entry');
      await expect(bobEntries).toHaveCount(1);
      await expect(bobEntries.first()).toHaveAttribute('data-ref-id', eventId ?? '');

      // Bob already has the entry, so it would have reached Carol too if her team shared the document.
      await expect(carol.getByTestId('timeline-empty')).toBeVisible();
      await expect(carol.getByTestId('timeline-entry')).toHaveCount(0);

      await alice.getByTestId('tab-timeline').click();
      await expect(alice.getByTestId('timeline-entry')).toHaveCount(1);
      await saveScreenshot(alice, testInfo, '07-participant-timeline');
    });

    await test.step('timeline note reaches the teammate while typing', async () => {
      const aliceNote = alice.getByTestId('timeline-note').first();
      await aliceNote.click();
      await aliceNote.pressSequentially('First call from Tor');
      await expect(bob.getByTestId('timeline-note').first()).toHaveValue('First call from Tor');
      // Alice is still in the field, so the note travelled without a change or blur event.
      await expect(aliceNote).toBeFocused();

      const bobNote = bob.getByTestId('timeline-note').first();
      await bobNote.click();
      await bobNote.press('End');
      await bobNote.pressSequentially(', confirmed');
      await expect(aliceNote).toHaveValue('First call from Tor, confirmed');
      await expect(bobNote).toBeFocused();
    });

    await test.step('a participant runs a query', async () => {
      await alice.getByTestId('tab-athena').click();
      await alice.getByTestId('query-editor').fill('SELECT 1 AS answer');
      await alice.getByTestId('query-run').click();
      await expect(alice.getByTestId('query-results').getByTestId('query-row')).toHaveText(['1']);
      await saveScreenshot(alice, testInfo, '06-participant-athena');
    });

    await test.step('a correct answer updates the team score in every browser', async () => {
      await alice.getByTestId('tab-objectives').click();
      await carol.getByTestId('tab-objectives').click();
      const card = alice.getByTestId(`objective-${objectiveId}`);
      await expect(card).toBeVisible();
      const pointsText = (await card.getByTestId('objective-points').textContent()) ?? '';
      const points = Number.parseInt(pointsText, 10);
      expect(points).toBeGreaterThan(0);
      await expect(alice.getByTestId('team-score')).toHaveText('0');

      await card.getByTestId('objective-answer').fill(correctAnswer);
      await card.getByTestId('objective-submit').click();
      await expect(card.getByTestId('objective-feedback')).toBeVisible();
      await expect(card).toHaveAttribute('data-solved', 'true');

      const expected = String(points);
      await expect(alice.getByTestId('team-score')).toHaveText(expected);
      await expect(bob.getByTestId('team-score')).toHaveText(expected);
      await expect(scoreboardScore(carol, 'Blue')).toHaveText(expected);
      await expect(carol.getByTestId('team-score')).toHaveText('0');
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText(expected);
      await expect(scoreboardScore(facilitator, 'Green')).toHaveText('0');
      await saveScreenshot(alice, testInfo, '08-participant-objectives');
      await saveScreenshot(facilitator, testInfo, '09-facilitator-scoreboard');
    });
  } finally {
    await closeAll(contexts);
  }
});
