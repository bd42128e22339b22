// Build the server (tsc) and the web client (vite) into dist/.
// With --if-needed, a part is rebuilt only when a source file is newer than its build output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ifNeeded = process.argv.includes('--if-needed');

function newestMtime(dirs) {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) visit(path.join(root, dir));
  return newest;
}

function outdated(output, sources) {
  const file = path.join(root, output);
  return !existsSync(file) || statSync(file).mtimeMs < newestMtime(sources);
}

function run(label, command, args) {
  process.stdout.write(`Building ${label}...\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Building ${label} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// tsc leaves unchanged outputs untouched, so a stamp file records when the server was last built.
const serverStamp = 'dist/.server-built';
if (!ifNeeded || !existsSync(path.join(root, 'dist/server/cli/main.js')) || outdated(serverStamp, ['server', 'shared'])) {
  run('the server', bin('tsc'), ['-p', 'tsconfig.build.json']);
  writeFileSync(path.join(root, serverStamp), `${new Date().toISOString()}\n`);
}
if (!ifNeeded || outdated('dist/client/index.html', ['client', 'shared'])) {
  run('the web client', bin('vite'), ['build', '--logLevel', 'warn']);
}
