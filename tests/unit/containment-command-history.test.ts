import { describe, expect, it } from 'vitest';
import { CommandHistory } from '../../client/src/participant/containment-history.js';

describe('containment command history', () => {
  it('walks older then newer', () => {
    const history = new CommandHistory();
    history.add('aws iam list-users');
    history.add('aws iam list-access-keys --user-name dev-deploy');

    expect(history.older('')).toBe('aws iam list-access-keys --user-name dev-deploy');
    expect(history.older('')).toBe('aws iam list-users');
    expect(history.older('')).toBeNull();
    expect(history.newer()).toBe('aws iam list-access-keys --user-name dev-deploy');
  });

  it('returns the draft after the newest', () => {
    const history = new CommandHistory();
    history.add('aws sts get-caller-identity');

    expect(history.older('aws iam upd')).toBe('aws sts get-caller-identity');
    expect(history.newer()).toBe('aws iam upd');
    expect(history.newer()).toBeNull();
  });

  it('is empty before the first command', () => {
    const history = new CommandHistory();

    expect(history.older('typed')).toBeNull();
    expect(history.newer()).toBeNull();
  });

  it('skips blanks and immediate repeats', () => {
    const history = new CommandHistory();
    history.add('aws iam list-users');
    history.add('  aws iam list-users  ');
    history.add('   ');

    expect(history.size).toBe(1);
  });

  it('keeps a repeat that is not immediate', () => {
    const history = new CommandHistory();
    history.add('a');
    history.add('b');
    history.add('a');

    expect(history.size).toBe(3);
  });

  it('drops the oldest past the limit', () => {
    const history = new CommandHistory(2);
    history.add('first');
    history.add('second');
    history.add('third');

    expect(history.older('')).toBe('third');
    expect(history.older('')).toBe('second');
    expect(history.older('')).toBeNull();
  });

  it('restarts browsing after a run', () => {
    const history = new CommandHistory();
    history.add('one');
    history.add('two');
    expect(history.older('')).toBe('two');
    expect(history.older('')).toBe('one');

    history.add('three');

    expect(history.older('')).toBe('three');
  });
});
