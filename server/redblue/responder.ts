import { createHash } from 'node:crypto';
import { IncidentResponderRole, type CallContext } from '../account/index.js';

/**
 * Identity of the blue teams' commands: a session of the account's IncidentResponder role named
 * after the team member, from the responders' office address with the AWS CLI's user agent.
 */

/** Documentation address (RFC 5737) standing for the responders' office. */
export const ResponderAddress = '198.51.100.24';

const ResponderAgent = 'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe';

/** Build the call context of a team member's command at scenario time `at`. */
export function responderContext(teamId: string, displayName: string, at: string, idSeed: string): CallContext {
  const sessionName = displayName.replace(/[^\w+=,.@-]/g, '-').slice(0, 64) || 'responder';
  const digest = createHash('sha256').update(teamId).digest('hex').toUpperCase();
  return {
    credentials: { kind: 'roleSession', roleName: IncidentResponderRole, sessionName, accessKeyId: `ASIA${digest.slice(0, 16)}` },
    sourceIpAddress: ResponderAddress,
    userAgent: ResponderAgent,
    at,
    idSeed,
  };
}
