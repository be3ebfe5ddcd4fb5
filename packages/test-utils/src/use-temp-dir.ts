import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A per-test temporary folder. */
export interface TempDir {
  /** The folder of the running test, created on first use. */
  readonly dir: () => string;
  /** Writes `text` to `name` inside the folder (creating parent folders) and returns the file's path. */
  readonly write: (name: string, text: string) => string;
}

/**
 * A fresh temporary folder per test, removed after each test. Call it at the top of a `describe` (or file).
 *
 * @param prefix - Start of the folder's name, so a leftover folder says which suite made it.
 */
export function useTempDir(prefix = 'aver-test-'): TempDir {
  let current: string | null = null;
  afterEach(() => {
    if (current !== null) rmSync(current, { recursive: true, force: true });
    current = null;
  });
  const dir = (): string => {
    current ??= mkdtempSync(path.join(tmpdir(), prefix));
    return current;
  };
  const write = (name: string, text: string): string => {
    const file = path.join(dir(), name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  return { dir, write };
}
