import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('uses the embedded defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.facilitatorToken).toBeUndefined();
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', FACILITATOR_TOKEN: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', FACILITATOR_TOKEN: 'short' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT="eighty":');
      expect((error as Error).message).toContain('FACILITATOR_TOKEN (value hidden, 5 characters): must be at least 16 characters');
    }
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('rejects a malformed memory limit', () => {
    expect(() => loadConfig({ QUERY_MEMORY_LIMIT: 'lots' })).toThrow(/QUERY_MEMORY_LIMIT="lots": must be a size/);
  });

  it('reads query worker threads', () => {
    expect(loadConfig({}).queryThreads).toBe(1);
    expect(loadConfig({ QUERY_THREADS: '2' }).queryThreads).toBe(2);
    expect(() => loadConfig({ QUERY_THREADS: '0' })).toThrow(/QUERY_THREADS="0"/);
  });
});
