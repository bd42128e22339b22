/**
 * Options of the real AWS CLI that the exercise console recognizes but does not offer, with the
 * reason shown to the user. Any other option missing from the command's spec is reported as unknown.
 */
const UNAVAILABLE_OPTIONS: Readonly<Record<string, string>> = {
  'cli-input-json': 'Reading a whole request from --cli-input-json is not supported in the exercise console; pass each option on the command line.',
  'cli-input-yaml': 'Reading a whole request from --cli-input-yaml is not supported in the exercise console; pass each option on the command line.',
  'generate-cli-skeleton': '--generate-cli-skeleton is not supported in the exercise console; run the command with "help" to see its options.',
  debug: '--debug is not available in the exercise console.',
  'endpoint-url': '--endpoint-url is not available: the exercise console only calls the simulated account.',
  'no-verify-ssl': '--no-verify-ssl is not available in the exercise console.',
  'no-sign-request': '--no-sign-request is not available: every call is signed with your team\'s IncidentResponder session.',
  'ca-bundle': '--ca-bundle is not available in the exercise console.',
  'cli-read-timeout': '--cli-read-timeout is not available in the exercise console.',
  'cli-connect-timeout': '--cli-connect-timeout is not available in the exercise console.',
  'cli-binary-format': '--cli-binary-format is not available in the exercise console.',
  'cli-auto-prompt': '--cli-auto-prompt is not available; run the command with "help" to see its options.',
  'advanced-event-selectors': 'Advanced event selectors are not simulated; use --event-selectors with ReadWriteType, IncludeManagementEvents and DataResources.',
  'dry-run': '--dry-run is not simulated in the exercise console; leave it out to make the call.',
  filters: '--filters is not supported in the exercise console. Run the command without it and read the full list, or name the resources with the command\'s ids option, such as --instance-ids.',
  'max-items': 'Pagination options are not needed in the exercise console: every command returns all results.',
  'page-size': 'Pagination options are not needed in the exercise console: every command returns all results.',
  'starting-token': 'Pagination options are not needed in the exercise console: every command returns all results.',
};

/** Return why the console does not offer option `name` (without dashes), or undefined for an option it does not know. */
export function unavailableOptionReason(name: string): string | undefined {
  return Object.hasOwn(UNAVAILABLE_OPTIONS, name) ? UNAVAILABLE_OPTIONS[name] : undefined;
}
