import type { Credentials, ServiceName } from './api-call.js';
import { AwsError } from './aws-error.js';
import { rolePrincipal, userPrincipal, type Principal } from './principal.js';
import type { AccountState } from './state.js';

/**
 * Authentication of a call's credentials against the model, failing as AWS does for a key that is
 * missing, deleted or Inactive, and for a session of a role that no longer exists. Each service
 * replies with its own code: EC2 documents AuthFailure and S3 InvalidAccessKeyId.
 */
const InvalidToken = 'The security token included in the request is invalid.';

function authenticationError(service: ServiceName): AwsError {
  switch (service) {
    case 's3':
      return new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    case 'ec2':
      return new AwsError('AuthFailure', 'AWS was not able to validate the provided access credentials');
    case 'cloudtrail':
    case 'guardduty':
      return new AwsError('UnrecognizedClientException', InvalidToken);
    default:
      return new AwsError('InvalidClientTokenId', InvalidToken);
  }
}

/** Resolve the caller, or throw the service's authentication error. */
export function authenticate(state: AccountState, credentials: Credentials, service: ServiceName): Principal {
  if (credentials.kind === 'roleSession') {
    if (!Object.hasOwn(state.roles, credentials.roleName)) throw authenticationError(service);
    return rolePrincipal(state, credentials.roleName, credentials.sessionName, credentials.accessKeyId);
  }
  const key = Object.hasOwn(state.accessKeys, credentials.accessKeyId) ? state.accessKeys[credentials.accessKeyId] : undefined;
  if (!key || key.status !== 'Active' || !Object.hasOwn(state.users, key.userName)) throw authenticationError(service);
  return userPrincipal(state, key.userName, key.accessKeyId);
}
