import { createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';

/** Milliseconds a graceful shutdown may take before the process exits anyway. */
const ShutdownTimeoutMs = 10_000;

/** `cloud-ir-lab serve`: start the server on the configured port and stop it cleanly on SIGTERM or SIGINT. */
export async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nFix the variables above (see .env.example) and start again.\n`);
      process.exit(2);
    }
    throw error;
  }

  const logger = createLogger({ level: config.logLevel, pretty: config.env === 'development' });
  const app = await createApp(config, { logger });
  const url = await app.listen();

  // Printed rather than logged: logs never carry tokens, but the operator needs this one to sign in.
  process.stdout.write(
    `\ncloud-ir-lab is running at ${url}\n` +
      `Facilitator sign-in token: ${app.facilitatorToken}\n` +
      `Data dir: ${config.dataDir}\n\n`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutdown requested');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: ShutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, ShutdownTimeoutMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
