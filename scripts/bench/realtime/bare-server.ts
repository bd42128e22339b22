/**
 * A bare Socket.IO server, the baseline of the release fan-out: clients join the room named in
 * their handshake, and a `release` request is broadcast to its room as `phase:released` with no
 * other work. Run as its own process by the bench; prints `listening on PORT` once it listens.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { Limits } from '../../../shared/limits.js';

const httpServer = createServer();
const io = new Server(httpServer, { maxHttpBufferSize: Limits.socketMessageMaxBytes, serveClient: false });

io.on('connection', (socket) => {
  const room = socket.handshake.auth?.room;
  if (typeof room === 'string' && room.length > 0 && room.length <= 64) void socket.join(room);

  socket.on('release', (room: unknown, payload: unknown, ack: unknown) => {
    if (typeof room !== 'string' || typeof ack !== 'function') return;
    io.to(room).emit('phase:released', payload);
    ack(true);
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  if (address && typeof address === 'object') process.stdout.write(`listening on ${address.port}\n`);
});

process.on('SIGTERM', () => {
  void io.close(() => process.exit(0));
});

// The bench keeps this pipe open, and it closes when the bench exits for any reason, so this server never outlives it.
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
