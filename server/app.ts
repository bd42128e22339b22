import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { CollabServer } from './collab/collab-server.js';
import { DocPersistence } from './collab/doc-persistence.js';
import type { Config } from './config.js';
import { ExerciseService } from './exercise/exercise-service.js';
import { resolveFacilitatorToken } from './facilitator-token.js';
import { apiRoutes } from './http/api-routes.js';
import { staticRoutes } from './http/static-routes.js';
import { InvestigationService } from './investigation/investigation-service.js';
import { categoryLogger, createLogger, type AppLogger } from './logger.js';
import { QueryEngine } from './query/query-engine.js';
import { authenticate, createSocketServer } from './realtime/socket-server.js';
import { ScenarioCatalog } from './scenario/catalog.js';
import { LowdbStore } from './store/lowdb-store.js';
import type { Store } from './store/store.js';

export interface AppDependencies {
  logger?: AppLogger;
  store?: Store;
  /** Wall clock in epoch milliseconds; tests replace it to control time. */
  now?: () => number;
  /** Folder of the built web client. */
  clientDir?: string;
}

export interface App {
  httpServer: HttpServer;
  facilitatorToken: string;
  exercises: ExerciseService;
  /** Start listening on the configured host and port (0 picks a free port); resolves with the URL. */
  listen(): Promise<string>;
  /** Stop accepting connections, flush every store and stop the query workers. */
  close(): Promise<void>;
}

/** Load every pack in the background so the first exercise does not wait for its data. */
async function preloadScenarios(scenarios: ScenarioCatalog, logger: AppLogger): Promise<void> {
  for (const id of await scenarios.list()) {
    await scenarios.get(id).catch((error: unknown) => logger.error({ scenarioId: id, err: error }, 'scenario pack could not be loaded'));
  }
}

const DefaultClientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client');

/** Build the whole server (HTTP, Socket.IO, Yjs, stores, query engine) without starting it. */
export async function createApp(config: Config, dependencies: AppDependencies = {}): Promise<App> {
  const logger = dependencies.logger ?? createLogger({ level: config.logLevel, pretty: config.env === 'development' });
  const store = dependencies.store ?? (await LowdbStore.open(config.dataDir));
  const facilitatorToken = await resolveFacilitatorToken(config.facilitatorToken, config.dataDir);

  const engine = new QueryEngine(
    { timeoutMs: config.queryTimeoutMs, memoryLimit: config.queryMemoryLimit, threads: 1, maxRows: config.queryMaxRows },
    categoryLogger(logger, 'query'),
  );
  const scenarios = new ScenarioCatalog(config.scenariosDir, path.join(config.dataDir, 'cache'), engine, categoryLogger(logger, 'exercise'));
  const exercises = new ExerciseService(store, scenarios, categoryLogger(logger, 'exercise'), dependencies.now);
  const investigation = new InvestigationService(exercises, engine, categoryLogger(logger, 'query'), {
    maxSqlLength: config.queryMaxSqlLength,
    teamConcurrency: config.queryTeamConcurrency,
    ratePerMinute: config.queryRatePerMinute,
  });

  // Ready once every scenario pack has been loaded (or has failed to load and been logged).
  let ready = false;
  const web = express();
  web.disable('x-powered-by');
  web.get('/healthz', (_request, response) => {
    response.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'starting' });
  });
  web.use('/api', apiRoutes(exercises, categoryLogger(logger, 'http')));
  web.use(staticRoutes(dependencies.clientDir ?? DefaultClientDir));

  const httpServer = createServer(web);
  const io = createSocketServer(httpServer, { exercises, investigation, scenarios, facilitatorToken }, categoryLogger(logger, 'realtime'));
  const collab = new CollabServer(
    (token) => authenticate(token, { exercises, facilitatorToken }),
    new DocPersistence(path.join(config.dataDir, 'collab')),
    categoryLogger(logger, 'collab'),
  );
  httpServer.on('upgrade', (request, socket, head) => {
    // Socket.IO registers its own upgrade listener for /socket.io/; only Yjs paths are handled here.
    if (collab.matches(request)) collab.handleUpgrade(request, socket, head);
  });

  const lifecycle = categoryLogger(logger, 'lifecycle');
  return {
    httpServer,
    facilitatorToken,
    exercises,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve());
      });
      const address = httpServer.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}`;
      lifecycle.info({ url }, 'server listening');
      void preloadScenarios(scenarios, lifecycle).then(() => {
        ready = true;
      });
      return url;
    },
    async close() {
      lifecycle.info('server stopping');
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await collab.close();
      await store.close();
      await engine.close();
      lifecycle.info('server stopped');
    },
  };
}
