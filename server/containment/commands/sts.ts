import type { ServiceSpec } from '../command-spec.js';

export const stsService: ServiceSpec = {
  name: 'sts',
  service: 'sts',
  summary: 'Security Token Service.',
  commands: [{ name: 'get-caller-identity', action: 'GetCallerIdentity', summary: 'Show the account, user id and ARN the console calls as.', options: [] }],
};
