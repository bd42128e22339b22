export * from './ack.js';
export * from './errors.js';
export * from './collab.js';
export * from './events.js';
export * from './limits.js';
export * from './model.js';
export * from './schemas.js';
