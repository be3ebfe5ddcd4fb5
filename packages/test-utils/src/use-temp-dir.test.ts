import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './use-temp-dir.js';

describe('useTempDir', () => {
  const temp = useTempDir('aver-test-utils-');
  let previous = '';

  it('writes files, creating parent folders, inside one folder per test', () => {
    const file = temp.write('a/b/c.txt', 'hello');
    expect(readFileSync(file, 'utf8')).toBe('hello');
    expect(path.dirname(path.dirname(path.dirname(file)))).toBe(temp.dir());
    expect(path.basename(temp.dir()).startsWith('aver-test-utils-')).toBe(true);
    previous = temp.dir();
  });

  it('removes the previous test folder and starts a new one', () => {
    expect(existsSync(previous)).toBe(false);
    expect(temp.dir()).not.toBe(previous);
  });
});
