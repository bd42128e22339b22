// Run every test: unit and integration (vitest), then browser (Playwright on Debian's Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return chromium;

  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version') && !process.env.CHROMIUM_PATH;
  if (!canInstall) {
    process.stderr.write(
      `Browser tests need Chromium, which was not found at ${chromium}.\n` +
        'Install it (on Debian or Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary, then run npm test again.\n',
    );
    process.exit(1);
  }
  process.stdout.write('Chromium is missing; installing the Debian package "chromium"...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) !== 0) {
    process.stderr.write('Installing Chromium with apt-get failed. Install the "chromium" package by hand and run npm test again.\n');
    process.exit(1);
  }
  return chromium;
}

const chromium = ensureChromium();

if (run(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-needed']) !== 0) process.exit(1);

const unit = run(bin('vitest'), ['run']);
const browser = run(bin('playwright'), ['test'], { env: { ...process.env, CHROMIUM_PATH: chromium } });

process.stdout.write(`\nUnit and integration tests: ${unit === 0 ? 'passed' : 'FAILED'}. Browser tests: ${browser === 0 ? 'passed' : 'FAILED'}.\n`);
process.exit(unit === 0 && browser === 0 ? 0 : 1);
