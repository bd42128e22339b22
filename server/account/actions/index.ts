import type { ActionDefinition } from '../action-context.js';
import type { ServiceName } from '../api-call.js';
import { cloudTrailActions } from './cloudtrail.js';
import { ec2Actions } from './ec2.js';
import { guardDutyActions } from './guardduty.js';
import { iamPolicyActions } from './iam-policies.js';
import { iamReadActions } from './iam-read.js';
import { iamUserActions } from './iam-users.js';
import { s3Actions } from './s3.js';
import { stsActions } from './sts.js';

/** Every action handler by service and action name; action-params.ts lists the same actions. */
const Handlers: Record<ServiceName, Record<string, ActionDefinition>> = {
  iam: { ...iamUserActions, ...iamPolicyActions, ...iamReadActions },
  sts: stsActions,
  s3: s3Actions,
  ec2: ec2Actions,
  cloudtrail: cloudTrailActions,
  guardduty: guardDutyActions,
};

/** Look up the handler of an action; undefined for an action the account does not handle. */
export function actionDefinition(service: ServiceName, action: string): ActionDefinition | undefined {
  if (!Object.hasOwn(Handlers, service)) return undefined;
  const actions = Handlers[service];
  return Object.hasOwn(actions, action) ? actions[action] : undefined;
}
