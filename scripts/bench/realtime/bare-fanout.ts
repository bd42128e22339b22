import pLimit from 'p-limit';
import { io, type Socket } from 'socket.io-client';
import { BareServer } from './bare-process.js';
import type { ErrorLog } from './error-log.js';
import { FanoutTracker } from './fanout-tracker.js';
import type { Layout } from './population.js';
import type { PhaseReleased } from './protocol.js';
import { LatencyRecorder, type LatencySummary } from './stats.js';
import { sleep, waitFor } from './timing.js';

const ConnectTimeoutMs = 30_000;

/**
 * Resolves once the socket connects, or rejects after 30 s. A failed attempt is retried by the
 * client itself, as the product's clients do, because a loaded machine can time out a handshake.
 */
function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a bare Socket.IO client did not connect within ${ConnectTimeoutMs} ms`)), ConnectTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Measures the same fan-out as the product's phase releases through the bare Socket.IO server:
 * the same number of clients in rooms of the same size, and the same payloads, released the same
 * number of times `spacingMs` apart.
 */
export async function measureBareFanout(
  layout: Layout,
  payloads: Map<number, PhaseReleased>,
  spacingMs: number,
  errors: ErrorLog,
): Promise<{ all: LatencySummary; first: LatencySummary }> {
  const server = new BareServer();
  const sockets: Socket[] = [];
  const recorder = new LatencyRecorder();
  const firstRecorder = new LatencyRecorder();
  const tracker = new FanoutTracker(recorder, (_key, _at, latencyMs) => firstRecorder.record(latencyMs));
  const roomSize = layout.teams * layout.members;
  const phases = [...payloads.keys()].sort((a, b) => a - b);

  try {
    await server.start();
    const limit = pLimit(50);
    const connecting: Promise<void>[] = [];
    for (let e = 0; e < layout.exercises; e += 1) {
      for (let member = 0; member < roomSize; member += 1) {
        const socket = io(server.url, { auth: { room: `room-${e}` }, transports: ['websocket'], forceNew: true });
        sockets.push(socket);
        socket.on('phase:released', (release: PhaseReleased & { benchRoom: number }) => tracker.delivered(`${release.benchRoom}:${release.phase.index}`));
        connecting.push(limit(() => connected(socket)));
      }
    }
    await Promise.all(connecting);
    const facilitator = io(server.url, { transports: ['websocket'], forceNew: true });
    sockets.push(facilitator);
    await connected(facilitator);
    // Let the connection burst settle, as the product's clients have before its first release.
    await sleep(1_000);

    for (const phase of phases) {
      for (let e = 0; e < layout.exercises; e += 1) {
        const key = `${e}:${phase}`;
        tracker.sent(key, roomSize);
        try {
          await facilitator.timeout(15_000).emitWithAck('release', `room-${e}`, { ...payloads.get(phase)!, benchRoom: e });
        } catch (error) {
          tracker.cancel(key);
          errors.record('bare release', error);
        }
        await waitFor(() => tracker.complete(key), 3_000);
        await sleep(spacingMs);
      }
    }
    const missed = tracker.settleAll();
    if (missed > 0) errors.record('bare release', new Error(`${missed} deliveries did not arrive within 3 s`));
    return { all: recorder.summary(), first: firstRecorder.summary() };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
  }
}
