import { scenarioCommand } from './scenario-command.js';
import { queryCommand } from './query-command.js';
import { serve } from './serve.js';

const Usage = `Usage: cloud-ir-lab <command>

Commands:
  serve    Start the server (HTTP, Socket.IO and Yjs on one port).
           Settings come from environment variables; see .env.example.
  scenario Validate, import and export scenario packs; see "cloud-ir-lab scenario --help".
  query    Run one Athena SQL query over a scenario's data; see "cloud-ir-lab query --help".
`;

/** Entry point of the `cloud-ir-lab` command. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve();
      return 0;
    case 'scenario':
      return scenarioCommand(rest);
    case 'query':
      return queryCommand(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(Usage);
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${Usage}`);
      return 2;
  }
}
