export { parseAwsCommand, type ParseCommandOptions, type ParseCommandResult } from './parse-command.js';
export { formatOutput, type OutputSettings } from './format-output.js';
export { containmentCommandsHelp, type ContainmentCommandHelp } from './help.js';
export type { OutputFormat } from './global-options.js';
export { MAX_COMMAND_LENGTH } from './tokenize.js';
