import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntrySource } from './read-entry-source.js';
import { RunError } from './run-error.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'aver-entry-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function readError(entry: string): RunError {
  try {
    readEntrySource(entry);
  } catch (error) {
    if (error instanceof RunError) return error;
    throw error;
  }
  throw new Error(`reading ${entry} did not fail`);
}

describe('readEntrySource', () => {
  it('returns the text, keeping a byte-order mark', () => {
    const entry = path.join(work, 'main.av');
    writeFileSync(entry, '\uFEFFfn main() -> Int\n    1\n');
    expect(readEntrySource(entry)).toBe('\uFEFFfn main() -> Int\n    1\n');
  });

  it.skipIf(process.platform === 'win32')(
    'reports a missing file or a folder as a read error in Rust words, with the OS error code',
    () => {
      const missing = path.join(work, 'gone.av');
      expect(readError(missing)).toMatchObject({
        kind: 'read',
        message: `${missing}: No such file or directory (os error 2)`,
      });
      const folder = path.join(work, 'folder.av');
      mkdirSync(folder);
      expect(readError(folder).message).toMatch(/^.*folder\.av: Is a directory \(os error \d+\)$/);
    },
  );

  it('reports bytes that are not UTF-8 as a read error, as read_to_string does', () => {
    const entry = path.join(work, 'latin1.av');
    writeFileSync(entry, Buffer.from([0x66, 0x6e, 0x20, 0xff, 0x0a]));
    expect(readError(entry)).toMatchObject({
      kind: 'read',
      message: `${entry}: stream did not contain valid UTF-8`,
    });
  });
});
