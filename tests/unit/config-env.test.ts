import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

function configErrorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig messages', () => {
  it('shows the value given', () => {
    const message = configErrorOf({ PORT: 'abc' });
    expect(message).toContain('PORT="abc"');
    expect(message).toContain('whole number from 0 to 65535');
    expect(message).not.toContain('NaN');
  });

  it('hides a secret value', () => {
    const message = configErrorOf({ FACILITATOR_TOKEN: 'tiny-secret' });
    expect(message).toContain('FACILITATOR_TOKEN (value hidden, 11 characters)');
    expect(message).not.toContain('tiny-secret');
  });

  it('rejects unknown app variables', () => {
    const message = configErrorOf({ QUERY_TIMEOUT: '5000', CLOUD_IR_LAB_PORT: '80', HOME: '/root' });
    expect(message).toContain('QUERY_TIMEOUT is not a known setting');
    expect(message).toContain('CLOUD_IR_LAB_PORT is not a known setting');
    expect(message).not.toContain('HOME');
  });

  it('lists every problem at once', () => {
    const message = configErrorOf({ PORT: '-1', LOG_LEVEL: 'loud', QUERY_MAX_ROWS: '0' });
    expect(message).toContain('PORT="-1"');
    expect(message).toContain('LOG_LEVEL="loud": must be fatal, error');
    expect(message).toContain('QUERY_MAX_ROWS="0"');
  });
});

describe('loadConfig secret files', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-config-'));
    await writeFile(path.join(dir, 'token'), 'token-from-a-mounted-file-42\n');
    await writeFile(path.join(dir, 'empty'), '');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the token file', () => {
    const config = loadConfig({ FACILITATOR_TOKEN_FILE: path.join(dir, 'token') });
    expect(config.facilitatorToken).toBe('token-from-a-mounted-file-42');
  });

  it('rejects both forms set', () => {
    const message = configErrorOf({ FACILITATOR_TOKEN: 'a-token-of-enough-length', FACILITATOR_TOKEN_FILE: path.join(dir, 'token') });
    expect(message).toContain('FACILITATOR_TOKEN and FACILITATOR_TOKEN_FILE are both set');
  });

  it('rejects a missing file', () => {
    const missing = path.join(dir, 'missing');
    expect(configErrorOf({ FACILITATOR_TOKEN_FILE: missing })).toContain(`FACILITATOR_TOKEN_FILE="${missing}" could not be read (ENOENT)`);
  });

  it('rejects an empty file', () => {
    expect(configErrorOf({ FACILITATOR_TOKEN_FILE: path.join(dir, 'empty') })).toContain('is empty');
  });
});

describe('loadConfig proxy settings', () => {
  it('defaults to no proxy', () => {
    const config = loadConfig({});
    expect(config.trustProxy).toBe(false);
    expect(config.basePath).toBe('');
    expect(config.allowedOrigins).toEqual([]);
    expect(config.publicUrl).toBeUndefined();
    expect(config.shutdownTimeoutMs).toBe(10_000);
  });

  it('parses trust proxy forms', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(configErrorOf({ TRUST_PROXY: 'yes please!' })).toContain('TRUST_PROXY="yes please!"');
  });

  it('normalizes the base path', () => {
    expect(loadConfig({ BASE_PATH: '/ir-lab/' }).basePath).toBe('/ir-lab');
    expect(loadConfig({ BASE_PATH: '/' }).basePath).toBe('');
    expect(configErrorOf({ BASE_PATH: 'ir-lab' })).toContain('BASE_PATH="ir-lab"');
    expect(configErrorOf({ BASE_PATH: '/a b' })).toContain('BASE_PATH="/a b"');
  });

  it('parses allowed origins', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://lab.example.com, http://127.0.0.1:8080/' }).allowedOrigins).toEqual([
      'https://lab.example.com',
      'http://127.0.0.1:8080',
    ]);
    expect(configErrorOf({ ALLOWED_ORIGINS: 'https://lab.example.com/path' })).toContain('ALLOWED_ORIGINS=');
  });

  it('validates the public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://lab.example.com/ir-lab/' }).publicUrl).toBe('https://lab.example.com/ir-lab');
    expect(configErrorOf({ PUBLIC_URL: 'lab.example.com' })).toContain('PUBLIC_URL="lab.example.com"');
  });
});
