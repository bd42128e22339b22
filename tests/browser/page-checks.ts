import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Accessibility and performance checks run on each view by the browser tests. */

/**
 * Runs axe-core with the WCAG 2.x A and AA rules and fails on serious or critical violations,
 * listing each rule and its first offending element.
 */
export async function expectNoSeriousA11yViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes[0]?.target.join(' ') ?? ''}`);
  expect(serious, `accessibility violations on ${view}`).toEqual([]);
}

/** Starts recording long tasks (main-thread work over 50 ms) from now on; call once per page and read them with `readLongTasks`. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store = window as unknown as { __longTasks?: number[] };
    store.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        store.__longTasks?.push(entry.duration);
      }
    }).observe({ type: 'longtask' });
  });
}

export async function readLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks?: number[] }).__longTasks ?? []);
}

/** Navigation timing of the current page in milliseconds from the start of navigation. */
export async function readLoadTiming(page: Page): Promise<{ domContentLoadedMs: number; loadMs: number; firstContentfulPaintMs: number | null }> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      domContentLoadedMs: Math.round(navigation?.domContentLoadedEventEnd ?? -1),
      loadMs: Math.round(navigation?.loadEventEnd ?? -1),
      firstContentfulPaintMs: paint ? Math.round(paint.startTime) : null,
    };
  });
}

/** Merges figures into bench-results/browser.json (gitignored), so each run leaves its measurements. */
export async function recordFigures(figures: Record<string, unknown>): Promise<void> {
  const file = path.resolve('bench-results', 'browser.json');
  await mkdir(path.dirname(file), { recursive: true });
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    existing = {};
  }
  await writeFile(file, `${JSON.stringify({ ...existing, ...figures, recordedAt: new Date().toISOString() }, null, 2)}\n`);
}

/**
 * Fails when the page scrolls sideways, or when an element inside `within` (default: the whole
 * page, open shadow roots included) reaches past the left or right edge of the window. Content
 * that a scrolling container keeps out of view counts too, so pass a `within` without one.
 */
export async function expectNoHorizontalOverflow(page: Page, view: string, within?: Locator): Promise<void> {
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageOverflow, `horizontal page scroll on ${view} (px)`).toBeLessThanOrEqual(0);

  const root = within ?? page.locator('body');
  const clipped = await root.evaluate((start) => {
    const found: string[] = [];
    const visit = (element: Element): void => {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1)) {
        const id = element.getAttribute('data-testid');
        found.push(`${element.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''} (${Math.round(box.left)}..${Math.round(box.right)} px)`);
        return;
      }
      for (const child of element.children) visit(child);
      if (element.shadowRoot) {
        for (const child of element.shadowRoot.children) visit(child);
      }
    };
    visit(start);
    return found;
  });
  expect(clipped, `elements past the right edge on ${view}`).toEqual([]);
}
