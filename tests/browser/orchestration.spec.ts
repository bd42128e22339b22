import { expect, test, type BrowserContext } from '@playwright/test';
import { closeAll, createExercise, joinTeam, openPage, saveScreenshot, scenarioId, scoreboardScore, signInAsFacilitator } from './helpers.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Pace drill';

test('facilitator controls pace, injects and the big screen', async ({ browser }, testInfo) => {
  const contexts: BrowserContext[] = [];
  try {
    const facilitator = await openPage(browser, contexts, testServerUrl());
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
    const alice = await openPage(browser, contexts, testServerUrl());
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');

    await test.step('pause and resume reach the participant', async () => {
      await facilitator.getByTestId('start-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');
      const clock = alice.getByTestId('scenario-clock');
      await expect(clock).toHaveAttribute('data-status', 'running');

      await facilitator.getByTestId('pause-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('paused');
      await expect(clock).toHaveAttribute('data-status', 'paused');

      await facilitator.getByTestId('extend-exercise').click();
      await expect(facilitator.getByTestId('clock-remaining').first()).toContainText(/2:(09:5\d|10:00) left/);
      await facilitator.getByTestId('resume-exercise').click();
      await expect(clock).toHaveAttribute('data-status', 'running');
    });

    await test.step('an inject question is answered and awarded', async () => {
      await facilitator.getByTestId('inject-message').fill('The CISO wants a first assessment.');
      await facilitator.getByTestId('inject-question').fill('Which IAM user is compromised?');
      await facilitator.getByTestId('inject-points').fill('15');
      await facilitator.getByTestId('inject-send').click();
      await expect(facilitator.getByTestId('inject-status')).toHaveText('Inject sent.');

      await alice.getByTestId('tab-injects').click();
      // The scenario's own phase inject is listed too; this checks the one the facilitator just sent.
      await expect(alice.getByTestId('inject-text').filter({ hasText: 'The CISO wants' })).toHaveText('The CISO wants a first assessment.');
      await alice.getByTestId('inject-answer-input').fill('dev-deploy');
      await alice.getByTestId('inject-answer-submit').click();
      await expect(alice.getByTestId('inject-answer-saved')).toBeVisible();
      await saveScreenshot(alice, testInfo, '10-participant-injects');

      const answer = facilitator.getByTestId('inject-answer');
      await expect(answer).toContainText('dev-deploy');
      await answer.getByRole('spinbutton').fill('15');
      await answer.getByTestId('inject-award').click();
      await expect(scoreboardScore(facilitator, 'Blue')).toHaveText('15');
      await expect(alice.getByTestId('team-score')).toHaveText('15');
      await saveScreenshot(facilitator, testInfo, '11-facilitator-injects');
    });

    await test.step('an observer link opens the board', async () => {
      await facilitator.getByTestId('invite-label').fill('Projector');
      await facilitator.getByTestId('invite-observer').click();
      const link = await facilitator.getByTestId('invite-link').inputValue();
      expect(link).toContain('/board#token=');

      const screen = await openPage(browser, contexts, testServerUrl());
      await screen.goto(link);
      await expect(screen.getByTestId('board-title')).toHaveText(exerciseName);
      await expect(screen.getByTestId('board-phase')).toContainText('Phase 1 of');
      await expect(scoreboardScore(screen, 'Blue')).toHaveText('15');
      await expect(screen.getByTestId('score-chart')).toBeVisible();
      await expect(screen.getByTestId('score-line')).toHaveCount(2);
      expect(new URL(screen.url()).hash).toBe('');
      await saveScreenshot(screen, testInfo, '12-observer-board');

      await screen.reload();
      await expect(screen.getByTestId('board-title')).toHaveText(exerciseName);
    });

    await test.step('a player moved mid-exercise lands on the new team', async () => {
      const bob = await openPage(browser, contexts, testServerUrl());
      await joinTeam(bob, joinCode, exerciseName, 'Bob', 'Green');
      await facilitator.getByRole('combobox', { name: 'Move Bob to' }).selectOption({ label: 'Blue' });
      await expect(bob.getByTestId('team-name')).toHaveText('Blue');
      await expect(bob.getByTestId('team-score')).toHaveText('15');

      facilitator.once('dialog', (dialog) => void dialog.accept());
      const bobRow = facilitator.getByTestId('team-admin').filter({ hasText: 'Bob' }).getByRole('listitem').filter({ hasText: 'Bob' });
      await bobRow.getByRole('button', { name: 'Remove' }).click();
      await expect(bob.getByTestId('landing')).toBeVisible();
      await expect(bob.getByTestId('landing-notice')).toBeVisible();
    });

    await test.step('ending stops the clock everywhere', async () => {
      facilitator.once('dialog', (dialog) => void dialog.accept());
      await facilitator.getByTestId('end-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('ended');
      await expect(alice.getByTestId('scenario-clock')).toHaveAttribute('data-status', 'ended');
    });
  } finally {
    await closeAll(contexts);
  }
});
