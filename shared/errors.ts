/** Stable error codes sent to clients. Clients branch on the code, never on the message. */
export const ErrorCode = {
  InvalidPayload: 'INVALID_PAYLOAD',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  InvalidJoinCode: 'INVALID_JOIN_CODE',
  Conflict: 'CONFLICT',
  InvalidState: 'INVALID_STATE',
  RateLimited: 'RATE_LIMITED',
  QueryRejected: 'QUERY_REJECTED',
  QueryFailed: 'QUERY_FAILED',
  QueryTimeout: 'QUERY_TIMEOUT',
  QueryCancelled: 'QUERY_CANCELLED',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorBody {
  code: ErrorCode;
  /** A sentence for people: what was wrong and what to do. */
  message: string;
  /** Dotted path of the payload field at fault, when one field is. */
  field?: string;
}
