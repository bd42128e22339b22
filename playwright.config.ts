import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the built app in a system Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
 * rather than a browser downloaded by Playwright. The global setup starts `cloud-ir-lab serve`
 * from the existing build.
 */
export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/browser',
  globalSetup: './tests/browser/global-setup.ts',
  fullyParallel: false,
  // One server process is shared by the tests, and each test opens four browser contexts.
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Keep Chromium from calling Google services; the test machine may have no network.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
