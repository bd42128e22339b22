import type { ErrorBody } from './errors.js';

/** The one shape of every Socket.IO acknowledgement and every JSON API response. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type AckCallback<T> = (response: Ack<T>) => void;
