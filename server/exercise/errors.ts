import type { ErrorCode } from '../../shared/errors.js';

/** An error whose message is meant for the client; anything else is reported as INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
