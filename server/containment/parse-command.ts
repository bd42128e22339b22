import type { z } from 'zod';
import type { ApiCall } from '../account/api-call.js';
import { actionSchema } from '../account/action-params.js';
import type { CommandSpec, OptionValues, ServiceSpec } from './command-spec.js';
import { SERVICES, findCommand, findService } from './catalog.js';
import { extractGlobalOptions, type OutputFormat } from './global-options.js';
import { commandHelp, commandUsage, serviceHelp, topLevelHelp } from './help.js';
import { parseOptions } from './option-parser.js';
import { didYouMean } from './suggest.js';
import { tokenizeCommand } from './tokenize.js';

export interface ParseCommandOptions {
  /** Region of calls without --region, such as the exercise's home region. */
  defaultRegion: string;
}

export type ParseCommandResult =
  /** `query` is the JMESPath expression of --query; pass the whole result to formatOutput so it is applied. */
  | { ok: true; call: ApiCall; output: OutputFormat; query?: string }
  /**
   * The command is not run. `error` is what the CLI would print, followed by what to do; `usage`
   * is the synopsis of the service or command, when one was named. For `help` requests `help` is
   * true and `error` contains the help text.
   */
  | { ok: false; error: string; usage?: string; help?: true };

// IAM is a global service and CloudTrail records its calls in us-east-1; the contract in
// server/account/api-call.ts records STS calls there too.
const GLOBAL_SERVICES = new Set(['iam', 'sts']);
const VERSION_TEXT = 'Exercise console for AWS CLI version 2 commands: it runs the commands that aws help lists against the simulated account.';

/**
 * Parse one AWS CLI command line typed in the containment panel into an API call of the
 * simulated account. The returned call's params pass `actionSchema(service, action)`. Any input
 * is accepted without throwing; what cannot be run is returned as an error in the CLI's words.
 */
export function parseAwsCommand(line: string, options: ParseCommandOptions): ParseCommandResult {
  if (line.trim() === '') {
    return { ok: false, error: 'Type an aws command, such as aws iam list-access-keys --user-name NAME, or aws help for the list.' };
  }

  const tokens = tokenizeCommand(line);
  if (!tokens.ok) return tokens;

  const [program, ...words] = tokens.words;
  if (program !== 'aws') {
    return { ok: false, error: `Commands start with aws, such as aws iam list-users; ${JSON.stringify(program ?? '')} is not available in the exercise console.` };
  }

  const globals = extractGlobalOptions(words);
  if (!globals.ok) return globals;
  const [serviceName, commandName, ...args] = globals.rest;

  if (serviceName === undefined) {
    return { ok: false, error: 'aws: error: the following arguments are required: command. Type aws help for the services.', usage: 'usage: aws <service> <command> [options]' };
  }
  if (serviceName === 'help') return help(topLevelHelp());
  if (serviceName === '--version') return help(VERSION_TEXT);

  const service = findService(serviceName);
  if (service === undefined) return unknownService(serviceName);

  if (commandName === undefined) {
    return { ok: false, error: `aws: error: the following arguments are required: operation. Type aws ${service.name} help for its commands.`, usage: serviceHelp(service) };
  }
  if (commandName === 'help') return help(serviceHelp(service));

  const command = findCommand(service, commandName);
  if (command === undefined) return unknownCommand(service, commandName);
  if (args[0] === 'help') return help(commandHelp(service, command));

  const usage = commandUsage(service, command);
  const parsed = parseOptions(args, command.options);
  if (!parsed.ok) return { ok: false, error: `${parsed.error}\nRun aws ${service.name} ${command.name} help for its options.`, usage };

  const params = buildParams(service, command, parsed.values);
  if (!params.ok) return { ok: false, error: params.error, usage };

  const region = GLOBAL_SERVICES.has(service.service) ? 'us-east-1' : (globals.options.region ?? options.defaultRegion);
  const call: ApiCall = { service: service.service, action: command.action, params: params.params, region };
  const { output, query } = globals.options;
  return query === undefined ? { ok: true, call, output } : { ok: true, call, output, query };
}

type ParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; error: string };

/** Copy option values to their parameters, run the command's own build step and check the result against the action's schema. */
function buildParams(service: ServiceSpec, command: CommandSpec, values: OptionValues): ParamsResult {
  const copied: Record<string, unknown> = {};
  for (const option of command.options) {
    const value = values[option.name];
    if (option.param !== undefined && value !== undefined) copied[option.param] = value;
  }

  const built = command.build === undefined ? { ok: true as const, params: copied } : command.build(values, copied);
  if (!built.ok) return built;

  const schema = actionSchema(service.service, command.action);
  if (schema === undefined) {
    return { ok: false, error: `The simulated account does not answer ${command.action}, so aws ${service.name} ${command.name} is not available.` };
  }
  const result = schema.safeParse(built.params);
  if (result.success) return { ok: true, params: result.data as Record<string, unknown> };
  return { ok: false, error: describeIssue(service, command, built.params, result.error) };
}

function help(text: string): ParseCommandResult {
  return { ok: false, error: text, help: true };
}

function unknownService(name: string): ParseCommandResult {
  const names = SERVICES.map((service) => service.name);
  const highLevel = name === 's3' ? ' The high-level aws s3 commands are not available; use aws s3api, such as aws s3api list-buckets.' : '';
  return {
    ok: false,
    error: `aws: error: argument command: Invalid choice, valid choices are: ${names.join(' | ')}.${highLevel || didYouMean(name, names)}`,
    usage: 'usage: aws <service> <command> [options]',
  };
}

function unknownCommand(service: ServiceSpec, name: string): ParseCommandResult {
  const names = service.commands.map((command) => command.name);
  return {
    ok: false,
    error: `aws: error: argument operation: Invalid choice, valid choices are: ${names.join(' | ')}.${didYouMean(name, names)}`,
    usage: serviceHelp(service),
  };
}

/** Describe the first schema issue in the CLI's words, naming the option the parameter came from. */
function describeIssue(service: ServiceSpec, spec: CommandSpec, params: Record<string, unknown>, error: z.ZodError): string {
  const issue = error.issues[0];
  const param = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
  const option = spec.options.find((candidate) => candidate.param === param);
  const label = option === undefined ? `parameter ${param ?? '(request)'}` : `argument --${option.name}`;
  const value = param === undefined ? undefined : params[param];
  const shown = typeof value === 'string' ? ` '${value}'` : '';
  return `aws: error: ${label}: invalid value${shown}: ${issue?.message ?? 'invalid'}. Run aws ${service.name} ${spec.name} help for its options.`;
}
