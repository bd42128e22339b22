import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CollabPath, teamDocName } from '../../shared/collab.js';
import { readChecklist, readReport } from '../../server/collab/team-document.js';
import { closeAll, createExercise, joinTeam, openPage, saveScreenshot, scenarioId, signInAsFacilitator } from './helpers.js';
import { expectNoSeriousA11yViolations, recordFigures } from './page-checks.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Report drill';
const containmentText = 'Deactivated access key AKIAEXAMPLE1 of dev-deploy at 02:40 UTC';
const checklistAction = 'Delete the backdoor user svc-backup';

/** Reads the participant session the app keeps in localStorage. */
async function sessionOf(page: Page): Promise<{ playerToken: string; teamId: string }> {
  const raw = await page.evaluate(() => window.localStorage.getItem('cloud-ir-lab.participant-session'));
  const session = JSON.parse(raw ?? '{}') as { playerToken?: string; teamId?: string };
  if (!session.playerToken || !session.teamId) {
    throw new Error('The page holds no participant session; join a team first.');
  }
  return { playerToken: session.playerToken, teamId: session.teamId };
}

/**
 * Opens the team document from Node.js with a player's token, as a second tab of that player
 * would, and returns it once the server has sent its state.
 */
async function openTeamDocument(page: Page): Promise<{ doc: Y.Doc; close: () => void }> {
  const { playerToken, teamId } = await sessionOf(page);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(testServerUrl().replace('http', 'ws') + CollabPath, teamDocName(teamId), doc, {
    params: { token: playerToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return {
    doc,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

test('team writes the IR report together', async ({ browser }, testInfo) => {
  const baseURL = testServerUrl();
  const contexts: BrowserContext[] = [];

  try {
    const facilitator = await openPage(browser, contexts, baseURL);
    await signInAsFacilitator(facilitator);
    const joinCode = await createExercise(facilitator, scenarioId, exerciseName);

    const alice = await openPage(browser, contexts, baseURL);
    const bob = await openPage(browser, contexts, baseURL);
    await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
    await joinTeam(bob, joinCode, exerciseName, 'Bob', 'Blue');
    await facilitator.getByTestId('start-exercise').click();
    await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');

    await alice.getByTestId('tab-report').click();
    await bob.getByTestId('tab-report').click();
    const aliceContainment = alice.getByTestId('report-editor-containment');
    const bobContainment = bob.getByTestId('report-editor-containment');

    await test.step('teammates see each other type in one section', async () => {
      await aliceContainment.click();
      await alice.keyboard.type(containmentText);
      await expect(bobContainment).toHaveText(containmentText);

      await bobContainment.click();
      await bob.keyboard.press('End');
      await bob.keyboard.type(' and rotated');
      await expect(aliceContainment).toHaveText(`${containmentText} and rotated`);
    });

    await test.step('remote cursor and presence show the name', async () => {
      const cursor = alice.getByTestId('report-section-containment').getByTestId('remote-cursor');
      await expect(cursor).toHaveAttribute('data-name', 'Bob');
      await expect(cursor).toBeVisible();
      await expect(alice.getByTestId('report-section-containment').getByTestId('report-editors')).toHaveText('Also writing here: Bob');

      const bobInStrip = alice.getByTestId('presence-mate').filter({ hasText: 'Bob' });
      await expect(bobInStrip.getByTestId('presence-view')).toHaveText('in IR report');
      await expect(bobInStrip.getByTestId('presence-editing')).toHaveText('editing IR report: Containment');
    });

    await test.step('bold from the toolbar reaches the teammate', async () => {
      await aliceContainment.click();
      await alice.keyboard.press('End');
      await alice.keyboard.press('Enter');
      await alice.getByTestId('report-section-containment').getByTestId('report-format-bold').click();
      await expect(alice.getByTestId('report-section-containment').getByTestId('report-format-bold')).toHaveAttribute('aria-pressed', 'true');
      await alice.keyboard.type('Escalated to the CISO');
      await expect(bobContainment.locator('strong')).toHaveText('Escalated to the CISO');
      await saveScreenshot(alice, testInfo, 'report-01-editor');
    });

    await test.step('checklist items sync with author and done state', async () => {
      await alice.getByTestId('checklist-new').fill(checklistAction);
      await alice.getByTestId('checklist-add').click();
      const bobItem = bob.getByTestId('checklist-item');
      await expect(bobItem.getByTestId('checklist-action')).toHaveValue(checklistAction);
      await expect(bobItem.getByTestId('checklist-author')).toHaveText('by Alice');

      await bobItem.getByTestId('checklist-done').check();
      await expect(alice.getByTestId('checklist-done')).toBeChecked();
      await expect(alice.getByTestId('checklist-progress')).toHaveText('1 of 1 done');
    });

    await test.step('an empty action is rejected with a hint', async () => {
      await alice.getByTestId('checklist-new').fill('   ');
      await alice.getByTestId('checklist-add').click();
      await expect(alice.getByTestId('checklist-error')).toContainText('Type the containment action first');
      await expect(bob.getByTestId('checklist-item')).toHaveCount(1);
    });

    await test.step('a removal can be undone', async () => {
      await bob.getByTestId('checklist-remove').click();
      await expect(alice.getByTestId('checklist-item')).toHaveCount(0);
      await bob.getByTestId('checklist-undo').click();
      await expect(alice.getByTestId('checklist-item').getByTestId('checklist-action')).toHaveValue(checklistAction);
      await expect(alice.getByTestId('checklist-done')).toBeChecked();
    });

    await test.step('the server reader sees the report and checklist', async () => {
      const team = await openTeamDocument(alice);
      try {
        const report = readReport(team.doc);
        expect(report.containment).toBe(`${containmentText} and rotated\n\nEscalated to the CISO`);
        expect(report.summary).toBe('');
        expect(readChecklist(team.doc)).toEqual([{ id: expect.any(String), action: checklistAction, done: true, author: 'Alice' }]);
      } finally {
        team.close();
      }
    });

    await test.step('undo reverts only own edits', async () => {
      await bobContainment.click();
      await bob.keyboard.press('Control+z');
      await expect(aliceContainment.locator('p').first()).toHaveText(containmentText);
      await expect(aliceContainment.locator('strong')).toHaveText('Escalated to the CISO');
    });

    await test.step('report survives a reload', async () => {
      await bob.reload();
      await expect(bob.getByTestId('panel-report')).toBeVisible();
      await expect(bobContainment.locator('p').first()).toHaveText(containmentText);
      await expect(bob.getByTestId('checklist-action')).toHaveValue(checklistAction);
    });

    await test.step('typing propagation is measured', async () => {
      // Wall-clock time from a keystroke sent to Alice's page until Bob's page shows it, both
      // pages on this machine; it includes Playwright's input dispatch. Recorded, not asserted.
      const samples: number[] = [];
      const bobLessons = bob.getByTestId('report-editor-lessons');
      await alice.getByTestId('report-editor-lessons').click();
      for (let index = 0; index < 10; index++) {
        const expected = 'abcdefghij'.slice(0, index + 1);
        await bobLessons.evaluate((element, text) => {
          const store = window as unknown as { __seenAt?: Promise<number> };
          store.__seenAt = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (element.textContent === text) {
                observer.disconnect();
                resolve(Date.now());
              }
            });
            observer.observe(element, { subtree: true, childList: true, characterData: true });
          });
        }, expected);

        const sentAt = await alice.evaluate(() => Date.now());
        await alice.keyboard.type(expected.at(-1)!);
        const seenAt = await bob.evaluate(() => (window as unknown as { __seenAt: Promise<number> }).__seenAt);
        samples.push(seenAt - sentAt);
      }
      samples.sort((a, b) => a - b);
      await recordFigures({ reportTyping: { samples: samples.length, medianMs: samples[Math.floor(samples.length / 2)], maxMs: samples.at(-1) } });
    });

    await test.step('report tab passes axe', async () => {
      await saveScreenshot(bob, testInfo, 'report-02-checklist');
      await expectNoSeriousA11yViolations(alice, 'participant report tab');
    });

    await test.step('SQL editor completes columns and runs on Ctrl+Enter', async () => {
      await alice.getByTestId('tab-athena').click();
      const editor = alice.locator('.cm-content[data-testid="query-editor"]');
      await editor.click();
      await alice.keyboard.press('ControlOrMeta+A');
      await alice.keyboard.press('Delete');
      await alice.keyboard.type('SELECT useridentity.userna');
      // Options are picked with the mouse: @codemirror/autocomplete 6.20 ignores Enter for 75 ms
      // (interactionDelay) after the list opens, which a scripted keyboard can hit.
      const options = alice.locator('.cm-tooltip-autocomplete li');
      await options.filter({ hasText: /^username/ }).click();
      await alice.keyboard.type(', eventn');
      await options.filter({ hasText: /^eventname/ }).click();
      await expect(editor).toHaveText('SELECT useridentity.username, eventname');
      await alice.keyboard.type(' FROM cloudtrail_logs LIMIT 2');
      await saveScreenshot(alice, testInfo, 'report-03-sql-editor');

      await alice.keyboard.press('Control+Enter');
      await expect(alice.getByTestId('query-results').locator('th')).toHaveText(['username', 'eventname']);
      await expect(alice.getByTestId('query-row')).toHaveCount(2);
      await expectNoSeriousA11yViolations(alice, 'participant athena tab with the SQL editor');
    });
  } finally {
    await closeAll(contexts);
  }
});
