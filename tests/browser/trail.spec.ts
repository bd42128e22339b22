import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { closeAll, createExercise, joinTeam, saveScreenshot, scenarioId, signInAsFacilitator } from './helpers.js';
import { expectNoSeriousA11yViolations, recordFigures } from './page-checks.js';
import { testServerUrl } from './server-env.js';

const exerciseName = 'Trail drill';
const attacker = { userName: 'dev-deploy', ip: '185.220.101.45' };

async function openLaptop(browser: Browser, contexts: BrowserContext[], baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  contexts.push(context);
  return context.newPage();
}

async function addAttributeFilter(panel: Locator, attribute: string, value: string): Promise<void> {
  await panel.getByTestId('cloudtrail-attribute').selectOption(attribute);
  await panel.getByTestId('cloudtrail-attribute-value').fill(value);
  await panel.getByTestId('cloudtrail-attribute-value').press('Enter');
}

/** Reads the cells of the rendered rows: time, user, service, event, region, source IP, error. */
async function renderedRows(panel: Locator): Promise<string[][]> {
  return panel.getByTestId('cloudtrail-row').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')));
}

/** Read the event count the toolbar shows, or NaN while a new list is loading. */
async function totalOf(panel: Locator): Promise<number> {
  const text = (await panel.getByTestId('cloudtrail-total').textContent()) ?? '';
  const match = /^([\d,]+) events?$/.exec(text.trim());
  return match ? Number(match[1]!.replaceAll(',', '')) : Number.NaN;
}

/** Waits until rows are rendered and every one passes `check`, then returns them. */
async function rowsWhere(panel: Locator, check: (cells: string[]) => boolean): Promise<string[][]> {
  await expect.poll(async () => {
    const rows = await renderedRows(panel);
    return rows.length > 0 && rows.every(check);
  }).toBe(true);
  return renderedRows(panel);
}

/** Durations in milliseconds of the Performance API measures with this name, in the order taken. */
async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((entry) => performance.getEntriesByName(entry, 'measure').map((measure) => Math.round(measure.duration * 10) / 10), name);
}

test('CloudTrail and GuardDuty work like the consoles', async ({ browser }, testInfo) => {
  const baseURL = testServerUrl();
  const contexts: BrowserContext[] = [];
  const figures: Record<string, unknown> = {};

  try {
    const facilitator = await openLaptop(browser, contexts, baseURL);
    const alice = await openLaptop(browser, contexts, baseURL);
    const panel = alice.getByTestId('panel-cloudtrail');
    let allTotal = 0;

    await test.step('player opens the released events', async () => {
      await signInAsFacilitator(facilitator);
      const joinCode = await createExercise(facilitator, scenarioId, exerciseName);
      await joinTeam(alice, joinCode, exerciseName, 'Alice', 'Blue');
      await facilitator.getByTestId('start-exercise').click();
      await expect(facilitator.getByTestId('exercise-status')).toHaveText('running');

      await alice.getByTestId('tab-cloudtrail').click();
      await expect(panel.getByTestId('cloudtrail-total')).toHaveText(/^[\d,]+ events$/);
      await expect(panel.getByTestId('cloudtrail-row').first()).toBeVisible();
      await expect(panel.getByTestId('cloudtrail-histogram')).toBeVisible();
      allTotal = await totalOf(panel);
      expect(allTotal).toBeGreaterThan(10_000);
    });

    await test.step('table keeps few rows and every column at 1280 px', async () => {
      const rendered = await panel.getByTestId('cloudtrail-row').count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(100);
      const fits = await panel.getByTestId('cloudtrail-table').evaluate((table) => table.scrollWidth <= (table.parentElement?.clientWidth ?? 0) + 1);
      expect(fits).toBe(true);
      await saveScreenshot(alice, testInfo, 'trail-01-cloudtrail');
      await expectNoSeriousA11yViolations(alice, 'CloudTrail tab');
    });

    let byUser = 0;
    await test.step('user name filter shows only that user', async () => {
      await addAttributeFilter(panel, 'userName', attacker.userName);
      await expect(panel.getByTestId('cloudtrail-chip')).toHaveText([/User name = dev-deploy/]);
      await expect.poll(() => totalOf(panel)).toBeLessThan(allTotal);
      byUser = await totalOf(panel);
      await rowsWhere(panel, (cells) => cells[1] === attacker.userName);
    });

    await test.step('source IP filter combines with the user', async () => {
      await addAttributeFilter(panel, 'sourceIPAddress', attacker.ip);
      await expect(panel.getByTestId('cloudtrail-chip')).toHaveCount(2);
      await expect.poll(() => totalOf(panel)).toBeLessThan(byUser);
      await rowsWhere(panel, (cells) => cells[1] === attacker.userName && cells[5] === attacker.ip);
      await saveScreenshot(alice, testInfo, 'trail-02-filtered');
    });

    await test.step('removing a chip widens the list again', async () => {
      await panel.getByRole('button', { name: `Remove filter Source IP address = ${attacker.ip}` }).click();
      await expect(panel.getByTestId('cloudtrail-chip')).toHaveCount(1);
      await expect.poll(() => totalOf(panel)).toBe(byUser);
    });

    await test.step('time range inputs limit the rows', async () => {
      await panel.getByTestId('cloudtrail-from').fill('2026-05-08 02:00:00');
      await panel.getByTestId('cloudtrail-to').fill('2026-05-08 02:20:00');
      await panel.getByTestId('cloudtrail-range-apply').click();
      await expect.poll(() => totalOf(panel)).toBeLessThan(byUser);
      await expect(panel.getByTestId('cloudtrail-histogram-selection')).toBeVisible();
      await rowsWhere(panel, (cells) => cells[0]! >= '2026-05-08 02:00:00' && cells[0]! <= '2026-05-08 02:20:00' && cells[1] === attacker.userName);
      await panel.getByTestId('cloudtrail-range-clear').click();
      await expect.poll(() => totalOf(panel)).toBe(byUser);
    });

    await test.step('time range rejects a locale date', async () => {
      await panel.getByTestId('cloudtrail-from').fill('05/08/2026, 02:00:00 AM');
      await panel.getByTestId('cloudtrail-range-apply').click();
      await expect(panel.getByTestId('cloudtrail-range-error')).toContainText('YYYY-MM-DD HH:MM:SS in UTC');
      await panel.getByTestId('cloudtrail-from').fill('');
      await panel.getByTestId('cloudtrail-range-apply').click();
      await expect(panel.getByTestId('cloudtrail-range-error')).toHaveCount(0);
    });

    await test.step('brushing the histogram sets the range', async () => {
      // Backspace in the empty value input removes the newest chip.
      await panel.getByTestId('cloudtrail-attribute-value').focus();
      await alice.keyboard.press('Backspace');
      await expect(panel.getByTestId('cloudtrail-chip')).toHaveCount(0);
      await expect.poll(() => totalOf(panel)).toBe(allTotal);

      const chart = panel.getByTestId('cloudtrail-histogram');
      const box = (await chart.boundingBox())!;
      await alice.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
      await alice.mouse.down();
      await alice.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
      await alice.mouse.up();

      await expect(panel.getByTestId('cloudtrail-from')).not.toHaveValue('');
      await expect(panel.getByTestId('cloudtrail-to')).not.toHaveValue('');
      await expect.poll(() => totalOf(panel)).toBeLessThan(allTotal);
      const from = await panel.getByTestId('cloudtrail-from').inputValue();
      const to = await panel.getByTestId('cloudtrail-to').inputValue();
      // The brushed range reads like the table's times: ISO date, 24-hour UTC time, seconds.
      expect(from).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(to).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      await rowsWhere(panel, (cells) => cells[0]! >= from && cells[0]! <= to);
      await saveScreenshot(alice, testInfo, 'trail-03-brushed');
    });

    await test.step('keyboard moves the histogram range', async () => {
      const chart = panel.getByTestId('cloudtrail-histogram');
      await chart.focus();
      await alice.keyboard.press('End');
      const lastFrom = await panel.getByTestId('cloudtrail-from').inputValue();
      await alice.keyboard.press('Shift+ArrowLeft');
      await alice.keyboard.press('ArrowLeft');
      await expect(panel.getByTestId('cloudtrail-from')).not.toHaveValue(lastFrom);
      await alice.keyboard.press('Escape');
      await expect(panel.getByTestId('cloudtrail-from')).toHaveValue('');
      await expect.poll(() => totalOf(panel)).toBe(allTotal);
    });

    await test.step('scrolling to the end opens the oldest event', async () => {
      const newest = (await renderedRows(panel))[0]![0]!;
      const viewport = panel.getByTestId('cloudtrail-viewport');
      await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      const last = panel.locator(`[data-testid="cloudtrail-row"][aria-rowindex="${allTotal + 1}"]`);
      await expect(last).toBeVisible();
      expect(await panel.getByTestId('cloudtrail-row').count()).toBeLessThan(100);

      await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
      await expect(panel.getByTestId('cloudtrail-row-pending')).toHaveCount(0);
      await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await expect(last).toBeVisible();

      const eventId = (await last.getAttribute('data-event-id'))!;
      const oldest = (await last.locator('td').first().textContent())!.trim();
      expect(oldest <= newest).toBe(true);
      await last.click();
      await expect(panel.getByTestId('json-view')).toContainText(`"eventID": "${eventId}"`);

      await panel.getByTestId('cloudtrail-copy-id').click();
      await expect(panel.getByTestId('cloudtrail-copy-status')).toHaveText('Event ID copied.');
      expect(await alice.evaluate(() => navigator.clipboard.readText())).toBe(eventId);

      await panel.getByTestId('timeline-add').click();
      await expect(panel.getByTestId('timeline-add-status')).toHaveText('Added to the team timeline.');
      await saveScreenshot(alice, testInfo, 'trail-04-oldest-event');
    });

    await test.step('arrow keys walk the rows', async () => {
      const last = panel.locator(`[data-testid="cloudtrail-row"][aria-rowindex="${allTotal + 1}"]`);
      await last.focus();
      await alice.keyboard.press('Home');
      await expect(panel.locator('[data-testid="cloudtrail-row"][aria-rowindex="2"]')).toBeFocused();
      await alice.keyboard.press('ArrowDown');
      await expect(panel.locator('[data-testid="cloudtrail-row"][aria-rowindex="3"]')).toBeFocused();
    });

    await test.step('filter and scroll render times are measured', async () => {
      const filterTimes = await measures(alice, 'cloudtrail-filter-render');
      const scrollTimes = await measures(alice, 'cloudtrail-scroll-render');
      expect(filterTimes.length).toBeGreaterThan(0);
      expect(scrollTimes.length).toBeGreaterThan(0);
      figures.filterRenderMs = filterTimes;
      figures.scrollRenderMs = scrollTimes;
      figures.eventsReleased = allTotal;
      console.log(`CloudTrail render after a filter change (ms): ${filterTimes.join(', ')}`);
      console.log(`CloudTrail render after a scroll to unloaded rows (ms): ${scrollTimes.join(', ')}`);
    });

    await test.step('GuardDuty finding shows its details', async () => {
      await alice.getByTestId('tab-guardduty').click();
      const findings = alice.getByTestId('panel-guardduty');
      await expect(findings.getByTestId('severity-count-high')).toHaveText('1');
      await findings.getByTestId('finding-row').first().click();

      const detail = findings.getByTestId('finding-detail');
      await expect(detail.getByTestId('finding-resource-type')).toHaveText('S3Bucket');
      await expect(detail.getByTestId('finding-action-type')).toHaveText('AWS_API_CALL');
      await expect(detail.getByTestId('finding-api')).toHaveText('GetObject');
      await expect(detail.getByTestId('finding-remote-address')).toHaveText(attacker.ip);
      await expect(detail.getByTestId('finding-remote-location')).toHaveText('Berlin, Germany');
      await expect(detail.getByTestId('finding-remote-asn')).toContainText('60729');
      await expect(detail.getByTestId('finding-first-seen')).toHaveText(/^2026-05-08 \d\d:\d\d:\d\d UTC$/);
      await expect(detail.getByTestId('finding-last-seen')).toHaveText(/^2026-05-08 \d\d:\d\d:\d\d UTC$/);
      await expect(detail.getByTestId('finding-count')).toHaveText(/^\d[\d,]*$/);
      await detail.getByText('Raw JSON').click();
      await expect(detail.getByTestId('json-view')).toContainText('"Severity"');
      await saveScreenshot(alice, testInfo, 'trail-05-guardduty-detail');
      await expectNoSeriousA11yViolations(alice, 'GuardDuty tab');
    });

    await test.step('GuardDuty filters and new markers', async () => {
      const findings = alice.getByTestId('panel-guardduty');
      await findings.getByTestId('finding-filter-type').fill('Recon');
      await expect(findings.getByTestId('findings-none-match')).toBeVisible();
      await findings.getByTestId('finding-filter-type').fill('');
      await findings.getByTestId('finding-filter-resource').fill('customer-data');
      await expect(findings.getByTestId('finding-row')).toHaveCount(1);
      await findings.getByTestId('finding-filter-resource').fill('');

      await alice.getByTestId('tab-brief').click();
      await facilitator.getByTestId('advance-phase').click();
      await expect(alice.getByTestId('unseen-findings')).not.toHaveCount(0);
      const unseen = Number(await alice.getByTestId('unseen-findings').textContent());
      await alice.getByTestId('tab-guardduty').click();
      await expect(alice.getByTestId('unseen-findings')).toHaveCount(0);
      await expect(findings.getByTestId('finding-new')).toHaveCount(unseen);
      const rows = await findings.getByTestId('finding-row').count();
      expect(rows).toBe(unseen + 1);

      await findings.getByTestId('severity-filter-high').click();
      const high = Number(await findings.getByTestId('severity-count-high').textContent());
      await expect(findings.getByTestId('finding-row')).toHaveCount(high);
      await expect(findings.getByTestId('finding-severity')).toHaveText(Array(high).fill('HIGH'));
    });

    await test.step('list loaded on a hidden tab fills the table', async () => {
      // The release above reloaded the CloudTrail list while its tab was hidden. A taller window
      // gives the table more room than a list sized while hidden would fill.
      await alice.setViewportSize({ width: 1280, height: 1000 });
      await alice.getByTestId('tab-cloudtrail').click();
      await expect.poll(() => totalOf(panel)).toBeGreaterThan(allTotal);
      const viewport = panel.getByTestId('cloudtrail-viewport');
      const lastRowBottom = async () => {
        const box = await panel.getByTestId('cloudtrail-row').last().boundingBox();
        return box ? box.y + box.height : 0;
      };
      const viewportBox = (await viewport.boundingBox())!;
      await expect.poll(lastRowBottom).toBeGreaterThanOrEqual(viewportBox.y + viewportBox.height - 1);
      await saveScreenshot(alice, testInfo, 'trail-06-after-release');
      await alice.setViewportSize({ width: 1280, height: 720 });
    });
  } finally {
    await recordFigures({ trail: figures });
    await closeAll(contexts);
  }
});
