/**
 * A failure AWS would return for a call, with its error code and message as the CLI shows them.
 * Handlers throw it; `executeCall` turns it into a failed outcome and a CloudTrail record.
 */
export class AwsError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
  }
}

/** IAM's error for a user, key, role, policy or login profile that does not exist. */
export function noSuchEntity(message: string): AwsError {
  return new AwsError('NoSuchEntity', message);
}
