import type { CommandSpec, OptionSpec, ServiceSpec } from './command-spec.js';
import { SERVICES } from './catalog.js';

/** One line of the containment panel's command list. */
export interface ContainmentCommandHelp {
  /** The command as typed, such as `aws iam update-access-key`. */
  command: string;
  description: string;
  /** Synopsis of its options, such as `--access-key-id <value> --status <value> [--user-name <value>]`. */
  usage: string;
  /** A typical use, for the commands whose options are easy to get wrong. */
  example?: string;
}

const GLOBAL_NOTES = [
  'Global options: --region <name> (default: the exercise region; IAM and STS always use us-east-1),',
  '--output json|text|table (default json), --query <JMESPath expression>, --no-cli-pager.',
  "--profile is accepted and ignored: every command runs as your team's IncidentResponder session.",
  "Quote JSON values with single quotes, such as --policy-document '{\"Version\": \"2012-10-17\", ...}'.",
  'This console is not a shell: pipes, redirection, variables and local files are not available.',
];

/** Return every supported command with a one-line description, for the panel's help. */
export function containmentCommandsHelp(): ContainmentCommandHelp[] {
  return SERVICES.flatMap((service) =>
    service.commands.map((command) => {
      const entry: ContainmentCommandHelp = { command: `aws ${service.name} ${command.name}`, description: command.summary, usage: optionsSynopsis(command) };
      if (command.example !== undefined) entry.example = command.example;
      return entry;
    }),
  );
}

/** Return the text of `aws help`: the services and how the console differs from a shell. */
export function topLevelHelp(): string {
  const width = Math.max(...SERVICES.map((service) => service.name.length));
  const services = SERVICES.map((service) => `  ${service.name.padEnd(width)}  ${service.summary}`);
  return ['usage: aws <service> <command> [options]', '', 'Services:', ...services, '', ...GLOBAL_NOTES, '', 'Run aws <service> help for its commands.'].join('\n');
}

/** Return the text of `aws SERVICE help`: the service's commands with one line each. */
export function serviceHelp(service: ServiceSpec): string {
  const width = Math.max(...service.commands.map((command) => command.name.length));
  const commands = service.commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [`usage: aws ${service.name} <command> [options]`, '', `${service.summary} Commands:`, ...commands, '', `Run aws ${service.name} <command> help for its options.`].join('\n');
}

/** Return the one-line usage of a command, such as `usage: aws iam delete-user --user-name <value>`. */
export function commandUsage(service: ServiceSpec, command: CommandSpec): string {
  const synopsis = optionsSynopsis(command);
  return `usage: aws ${service.name} ${command.name}${synopsis === '' ? '' : ` ${synopsis}`}`;
}

/** Return the text of `aws SERVICE COMMAND help`: usage and every option. */
export function commandHelp(service: ServiceSpec, command: CommandSpec): string {
  const lines = [commandUsage(service, command), '', command.summary];
  if (command.example !== undefined) lines.push('', `Example: ${command.example}`);
  if (command.options.length > 0) {
    lines.push('', 'Options:');
    for (const option of command.options) {
      const required = option.required === true ? ' (required)' : '';
      lines.push(`  ${optionLabel(option)}${required}`, `      ${optionHelp(option)}`);
    }
  }
  return lines.join('\n');
}

function optionsSynopsis(command: CommandSpec): string {
  return command.options.map((option) => (option.required === true ? optionLabel(option) : `[${optionLabel(option)}]`)).join(' ');
}

function optionLabel(option: OptionSpec): string {
  if (option.kind === 'boolean') return `--${option.name} | --no-${option.name}`;
  const placeholder = option.placeholder ?? (option.choices === undefined ? '<value>' : option.choices.join('|'));
  return `--${option.name} ${placeholder}`;
}

function optionHelp(option: OptionSpec): string {
  return option.choices === undefined || option.choices.length < 2 ? option.help : `${option.help} One of: ${option.choices.join(', ')}.`;
}
