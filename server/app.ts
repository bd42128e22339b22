import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { CollabServer } from './collab/collab-server.js';
import { teamDocumentAccess } from './collab/document-access.js';
import { DocPersistence } from './collab/doc-persistence.js';
import type { Config } from './config.js';
import { ClockControl } from './exercise/clock-control.js';
import { ExerciseService } from './exercise/exercise-service.js';
import { HintService } from './exercise/hint-service.js';
import { InjectService } from './exercise/inject-service.js';
import { InviteService } from './exercise/invite-service.js';
import { Notifications } from './exercise/notifier.js';
import { ScoreControl } from './exercise/score-control.js';
import { ReleaseScheduler } from './exercise/scheduler.js';
import { TeamAdmin } from './exercise/team-admin.js';
import { countTeamDoc } from './exercise/team-progress-docs.js';
import { TeamProgressService } from './exercise/team-progress-service.js';
import { resolveFacilitatorToken } from './facilitator-token.js';
import { apiRoutes } from './http/api-routes.js';
import { publicUrlRoutes } from './http/public-url-route.js';
import { auditRoutes } from './http/audit-routes.js';
import { allowedOriginsOf, mountUnderBasePath, stripBasePath } from './http/base-path.js';
import { reportRoutes } from './http/report-routes.js';
import { readIrReport, readTimeline } from './collab/team-document.js';
import { teamDocName } from '../shared/collab.js';
import type { ReportSources } from './report/gather.js';
import { staticRoutes } from './http/static-routes.js';
import { IamGraphService } from './investigation/iam-graph/iam-graph-service.js';
import { InvestigationService } from './investigation/investigation-service.js';
import { QueryHistory } from './investigation/query-history.js';
import { QueryLog } from './investigation/query-log.js';
import { categoryLogger, createLogger, type AppLogger } from './logger.js';
import { instrumentQueryEngine, instrumentStore } from './observability/instrument.js';
import { Metrics } from './observability/metrics.js';
import { QueryEngine } from './query/query-engine.js';
import { createSocketNotifier } from './realtime/notifier.js';
import { Rooms } from './realtime/types.js';
import { authenticate, createSocketServer } from './realtime/socket-server.js';
import { AccountCopies } from './redblue/exercise-copies.js';
import { ContainmentService } from './redblue/containment-service.js';
import { RedBlueMonitor } from './redblue/red-blue-monitor.js';
import { RedCellService } from './redblue/red-cell-service.js';
import { timelineRefs } from './redblue/timeline-refs.js';
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
  control: ClockControl;
  scheduler: ReleaseScheduler;
  store: Store;
  collab: CollabServer;
  /** Start listening on the configured host and port (0 picks a free port); resolves with the URL. */
  listen(): Promise<string>;
  /** Stop accepting connections, flush every store and stop the query workers. */
  close(): Promise<void>;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Load every pack in the background so the first exercise does not wait for its data. */
async function preloadScenarios(scenarios: ScenarioCatalog, logger: AppLogger, stopping: () => boolean): Promise<void> {
  for (const id of await scenarios.list()) {
    // A shutdown waits for the pack being prepared, but not for the ones after it.
    if (stopping()) return;
    await scenarios.get(id).catch((error: unknown) => logger.error({ scenarioId: id, err: error }, 'scenario pack could not be loaded'));
  }
}

const DefaultClientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client');

/** Build the whole server (HTTP, Socket.IO, Yjs, stores, query engine) without starting it. */
export async function createApp(config: Config, dependencies: AppDependencies = {}): Promise<App> {
  const logger = dependencies.logger ?? createLogger({ level: config.logLevel, pretty: config.env === 'development' });
  const rawStore = dependencies.store ?? (await LowdbStore.open(config.dataDir));
  const facilitatorToken = await resolveFacilitatorToken(config.facilitatorToken, config.dataDir);

  // The gauges read these when scraped; they are bound once the servers below exist.
  const live = { socketClients: () => 0, loadedDocuments: () => 0 };
  const metrics = new Metrics({
    socketClients: () => live.socketClients(),
    loadedDocuments: () => live.loadedDocuments(),
    exercisesByStatus: () => countBy(rawStore.read().exercises.map((exercise) => exercise.status)),
  });
  const store = instrumentStore(rawStore, metrics);

  const engine = new QueryEngine(
    { timeoutMs: config.queryTimeoutMs, memoryLimit: config.queryMemoryLimit, threads: config.queryThreads, maxRows: config.queryMaxRows },
    categoryLogger(logger, 'query'),
  );
  instrumentQueryEngine(engine, metrics);
  const scenarios = new ScenarioCatalog(config.scenariosDir, path.join(config.dataDir, 'cache'), engine, categoryLogger(logger, 'exercise'));
  const notifications = new Notifications();
  const exerciseLogger = categoryLogger(logger, 'exercise');
  const context = { store, scenarios, logger: exerciseLogger, now: dependencies.now ?? Date.now, notifications };
  const exercises = new ExerciseService(context);
  const control = new ClockControl(context, exercises);
  const teams = new TeamAdmin(context);
  const injects = new InjectService(context, exercises);
  const hints = new HintService(context, exercises);
  const invites = new InviteService(context);
  const scores = new ScoreControl(context, exercises);
  const scheduler = new ReleaseScheduler(store, control, exerciseLogger);
  const queryLogger = categoryLogger(logger, 'query');
  const queryHistory = new QueryHistory(new QueryLog(path.join(config.dataDir, 'queries'), queryLogger));
  // Team documents are counted through the collaboration server created below.
  const progress = new TeamProgressService(context, (docName) => collab.readDocument(docName, countTeamDoc), teamDocName);
  const investigation = new InvestigationService(exercises, engine, queryLogger, queryHistory, {
    maxSqlLength: config.queryMaxSqlLength,
    teamConcurrency: config.queryTeamConcurrency,
    ratePerMinute: config.queryRatePerMinute,
  });
  const iamGraph = new IamGraphService(exercises, scenarios, engine, categoryLogger(logger, 'query'));
  const copies = new AccountCopies(context, engine);
  const redCell = new RedCellService(context, copies, engine);
  const containment = new ContainmentService(context, exercises, copies, engine, (exerciseId) => redCell.announce(exerciseId));
  // Timelines are read through the collaboration server created below.
  const redBlue = new RedBlueMonitor(context, exercises, copies, engine, (teamId) => collab.readDocument(teamDocName(teamId), timelineRefs), (exerciseId) => redCell.announce(exerciseId));
  exercises.attachLive(redBlue);

  // Ready once every scenario pack has been loaded (or has failed to load and been logged).
  let ready = false;
  let preloading: Promise<void> = Promise.resolve();
  let closing = false;
  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', config.trustProxy);
  // Alive: the process answers HTTP. Ready: the scenario packs and their query workers are loaded.
  web.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  web.get('/readyz', (_request, response) => {
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  web.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const httpLogger = categoryLogger(logger, 'http');
  // The report reads the team documents through the collaboration server created below.
  const reportSources: ReportSources = {
    readTimeline: (docName) => collab.readDocument(docName, readTimeline),
    readIrReport: (docName) => collab.readDocument(docName, readIrReport),
    queryHistory: (exerciseId, teamId) => investigation.allTeamQueries(exerciseId, teamId),
    eventTime: async (scenario, eventId) => {
      const event = await engine.getEvent(scenario.manifest.id, { horizon: scenario.manifest.window.end, releasedFindingIds: [] }, eventId);
      return typeof event?.eventTime === 'string' ? event.eventTime : null;
    },
  };
  web.use(
    '/api',
    apiRoutes(exercises, httpLogger, [auditRoutes(store, facilitatorToken, httpLogger), publicUrlRoutes(config.publicUrl), reportRoutes(store, scenarios, reportSources, facilitatorToken, httpLogger)]),
  );
  web.use(staticRoutes(dependencies.clientDir ?? DefaultClientDir, { basePath: config.basePath, publicUrl: config.publicUrl }));

  const httpServer = createServer(mountUnderBasePath(web, config.basePath, config.trustProxy));
  const allowedOrigins = allowedOriginsOf(config);
  const realtimeLogger = categoryLogger(logger, 'realtime');
  const io = createSocketServer(
    httpServer,
    { exercises, control, teams, injects, hints, invites, scores, progress, investigation, iamGraph, redCell, containment, scenarios, store, facilitatorToken },
    realtimeLogger,
    { path: `${config.basePath}/socket.io`, allowedOrigins },
  );
  const collab = new CollabServer(
    (token) => authenticate(token, { store, facilitatorToken }),
    new DocPersistence(path.join(config.dataDir, 'collab')),
    categoryLogger(logger, 'collab'),
    allowedOrigins,
    {
      access: (principal, docName) => teamDocumentAccess(principal, docName, store.read()),
      onDocumentChanged: (docName, playerId) => progress.documentChanged(docName, playerId),
    },
  );
  progress.attach({
    hasListeners: (exerciseId) => (io.sockets.adapter.rooms.get(Rooms.facilitators(exerciseId))?.size ?? 0) > 0,
    publish: (update) => io.to(Rooms.facilitators(update.exerciseId)).emit('progress:updated', update),
  });
  live.socketClients = () => io.engine.clientsCount;
  live.loadedDocuments = () => collab.loadedDocumentCount();
  const socketNotifier = createSocketNotifier(io, exercises, realtimeLogger);
  notifications.attach({
    ...socketNotifier,
    scoreChanged(exerciseId, live, shown, frozen) {
      socketNotifier.scoreChanged(exerciseId, live, shown, frozen);
      progress.schedule(exerciseId);
    },
    exerciseChanged(exerciseId) {
      socketNotifier.exerciseChanged(exerciseId);
      progress.schedule(exerciseId);
    },
    playerChanged(playerId) {
      socketNotifier.playerChanged(playerId);
      collab.disconnectPlayer(playerId);
    },
    inviteRevoked(inviteId) {
      socketNotifier.inviteRevoked(inviteId);
      collab.disconnectViewer(inviteId);
    },
  });
  store.onWriteFailed((error) => {
    logger.error({ err: error }, 'store write failed; the change was rolled back');
    notifications.storeFailed('Saving a change to the exercise store failed, so the change was not applied. Check the server log and the disk, then retry.');
  });

  httpServer.on('upgrade', (request, socket, head) => {
    // Socket.IO registers its own upgrade listener for /socket.io/; only Yjs paths are handled here.
    const original = request.url;
    if (stripBasePath(request, config.basePath) && collab.matches(request)) collab.handleUpgrade(request, socket, head);
    else request.url = original;
  });

  const lifecycle = categoryLogger(logger, 'lifecycle');
  return {
    httpServer,
    facilitatorToken,
    exercises,
    control,
    scheduler,
    store,
    collab,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve());
      });
      const address = httpServer.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}`;
      lifecycle.info({ url }, 'server listening');
      preloading = preloadScenarios(scenarios, lifecycle, () => closing).then(() => {
        ready = true;
      });
      // Resumes every running exercise: releases that fell due while the server was down happen on the first tick.
      scheduler.start();
      redBlue.start();
      return url;
    },
    async close() {
      // The order matters: no new work, then tell clients, then flush what they wrote, then stop workers.
      closing = true;
      lifecycle.info('server stopping: no longer accepting connections');
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await scheduler.stop();
      await redBlue.stop();
      progress.close();

      lifecycle.info({ clients: io.engine.clientsCount }, 'server stopping: notifying clients');
      io.emit('server:restarting', { message: 'The server is restarting. Your work is saved; the page reconnects when it is back.' });

      lifecycle.info({ documents: collab.loadedDocumentCount() }, 'server stopping: flushing team documents and the exercise store');
      // Yjs sockets are closed before Socket.IO: io.close() waits for the HTTP server, which waits for them.
      await collab.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await store.close();

      lifecycle.info('server stopping: stopping query workers');
      // A pack still being prepared writes to the cache in the data dir; let it finish first.
      await preloading;
      await engine.close();
      await httpClosed;
      lifecycle.info('server stopped');
    },
  };
}
