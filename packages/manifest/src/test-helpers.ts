import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp folder per test, removed afterwards; `write` creates files (and folders) inside it. */
export function useTempDir(): {
  readonly dir: () => string;
  readonly write: (name: string, text: string) => string;
} {
  let current: string | null = null;
  afterEach(() => {
    if (current !== null) rmSync(current, { recursive: true, force: true });
    current = null;
  });
  const dir = (): string => {
    current ??= mkdtempSync(path.join(tmpdir(), 'aver-manifest-'));
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
