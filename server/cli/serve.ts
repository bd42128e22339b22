import { createApp } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger } from '../logger.js';

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nFix the variables above (see .env.example) and start again.\n`);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * `cloud-ir-lab serve`: start the server on the configured port and stop it on SIGTERM or SIGINT
 * in order (stop accepting, notify clients, flush Yjs and the store, stop query workers), within
 * SHUTDOWN_TIMEOUT_MS. Exits 2 on invalid settings or a port in use, 1 on a failed or late shutdown.
 */
export async function serve(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel, pretty: config.env === 'development' });
  const app = await createApp(config, { logger });

  // Registered before listening, so a signal that arrives during the start still stops cleanly.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutdown requested');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting without finishing it');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    app.close().then(
      () => logger.flush(() => process.exit(0)),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        logger.flush(() => process.exit(1));
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  let url: string;
  try {
    url = await app.listen();
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    process.stderr.write(`Port ${config.port} on ${config.host} is already in use. Stop the other program or set PORT to a free port (PORT=0 picks one).\n`);
    await app.close().catch(() => undefined);
    process.exit(2);
  }

  // Printed rather than logged: logs never carry tokens, but the operator needs this one to sign in.
  process.stdout.write(
    `\ncloud-ir-lab is running at ${url}${config.basePath}\n` +
      `Facilitator sign-in token: ${app.facilitatorToken}\n` +
      `Data dir: ${config.dataDir}\n\n`,
  );
}
