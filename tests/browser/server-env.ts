/** Values the global setup passes to the browser tests. */

/** Environment variable that carries the URL of the server started by the global setup. */
export const serverUrlEnv = 'CLOUD_IR_LAB_TEST_URL';

/** Facilitator token the test server is started with (the server requires at least 16 characters). */
export const testFacilitatorToken = 'browser-test-facilitator-token-0001';

export function testServerUrl(): string {
  const url = process.env[serverUrlEnv];
  if (!url) {
    throw new Error(`${serverUrlEnv} is not set; run the browser tests through playwright.config.ts so the global setup starts the server.`);
  }
  return url;
}
