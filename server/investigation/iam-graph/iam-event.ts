/** An IAM CloudTrail event as the graph builder reads it. The two JSON documents are untrusted. */
export interface IamEvent {
  eventId: string;
  eventTime: string;
  eventName: string;
  eventSource: string;
  /** User name, role name or ARN of the caller. */
  actor: string;
  /** IAM user name of the caller when the caller is an IAM user, used when a request names no user. */
  callerUserName: string | null;
  sourceIpAddress: string | null;
  requestParameters: unknown;
  responseElements: unknown;
}

/** Read a string field of a JSON document that may be text, an object, null or malformed. */
export function field(document: unknown, ...path: string[]): string | undefined {
  let current: unknown = typeof document === 'string' ? parseObject(document) : document;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' && current.length > 0 ? current : undefined;
}

/** Read a field of a JSON document without converting it, or undefined when the key is missing. */
export function rawField(document: unknown, key: string): unknown {
  const value = typeof document === 'string' ? parseObject(document) : document;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return (value as Record<string, unknown>)[key];
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
