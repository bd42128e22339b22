import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('PUBLIC_URL config', () => {
  it('drops a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000/' }).publicUrl).toBe('http://10.0.0.5:3000');
  });

  it('is unset by default', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it('rejects other protocols', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://10.0.0.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://10.0.0.5' })).toThrow(/PUBLIC_URL/);
  });
});
