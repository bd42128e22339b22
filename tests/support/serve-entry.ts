// Runs the `cloud-ir-lab` command from source, so process tests need no build.
import { main } from '../../server/cli/main.js';

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
