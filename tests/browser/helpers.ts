import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { testFacilitatorToken } from './server-env.js';

/** Steps shared by the browser tests, written as a user performs them. */

/** Scenario bundled with the app that the browser tests run. */
export const scenarioId = 'apexcorp-prod';

/** Opens a page in a fresh browser context, so every player has their own storage and sign-in. */
export async function openPage(browser: Browser, contexts: BrowserContext[], baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

export async function closeAll(contexts: BrowserContext[]): Promise<void> {
  for (const context of contexts) {
    await context.close();
  }
}

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Signs in from the landing page; `basePath` (such as `/lab`) is the server's BASE_PATH. */
export async function signInAsFacilitator(page: Page, basePath = ''): Promise<void> {
  await page.goto(`${basePath}/`);
  await page.getByTestId('facilitator-token').fill(testFacilitatorToken);
  await page.getByTestId('facilitator-sign-in').click();
  await expect(page.getByTestId('facilitator-console')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
}

/** Creates an exercise with the default teams Blue and Green and returns its join code. */
export async function createExercise(page: Page, scenarioId: string, name: string): Promise<string> {
  await page.getByTestId('create-scenario').selectOption(scenarioId);
  await page.getByTestId('create-name').fill(name);
  await page.getByTestId('create-submit').click();

  const code = page.getByTestId('join-code');
  await expect(code).toHaveText(/^[A-Z0-9]{6}$/);
  return (await code.textContent())?.trim() ?? '';
}

export async function joinTeam(
  page: Page,
  joinCode: string,
  exerciseName: string,
  displayName: string,
  teamName: string,
  basePath = '',
): Promise<void> {
  await page.goto(`${basePath}/join/${joinCode}`);
  await expect(page.getByTestId('join-exercise-name')).toHaveText(exerciseName);
  await page.getByRole('radio', { name: new RegExp(`^${teamName}\\b`) }).check();
  await page.getByTestId('join-display-name').fill(displayName);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('team-name')).toHaveText(teamName);
  await expect(page.getByTestId('exercise-name')).toHaveText(exerciseName);
}

/** Returns the score cell of a team in the visible scoreboard on the page (a player has one on two tabs). */
export function scoreboardScore(page: Page, teamName: string) {
  return page.getByTestId('scoreboard-row').filter({ hasText: teamName, visible: true }).getByTestId('scoreboard-score');
}
