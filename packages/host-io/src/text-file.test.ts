import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeIoError } from './describe-io-error.js';
import { InvalidUtf8Error, readTextFile, readTextFileIfExists } from './text-file.js';

const dir = mkdtempSync(join(tmpdir(), 'aver-host-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextFile', () => {
  it('reads UTF-8 and keeps a byte-order mark, as Rust does', () => {
    writeFileSync(join(dir, 'bom.av'), Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9]));
    expect(readTextFile(join(dir, 'bom.av'))).toBe('\uFEFFhé');
  });

  it('refuses invalid UTF-8 with the Rust words', () => {
    writeFileSync(join(dir, 'latin1.av'), Buffer.from([0x68, 0xe9]));
    expect(() => readTextFile(join(dir, 'latin1.av'))).toThrow(InvalidUtf8Error);
    expect(() => readTextFile(join(dir, 'latin1.av'))).toThrow('stream did not contain valid UTF-8');
  });
});

describe('readTextFileIfExists', () => {
  it('is null for a missing file and for a path through a file', () => {
    writeFileSync(join(dir, 'plain.txt'), 'x');
    expect(readTextFileIfExists(join(dir, 'missing.av'))).toBeNull();
    expect(readTextFileIfExists(join(dir, 'plain.txt', 'below.av'))).toBeNull();
    expect(readTextFileIfExists(join(dir, 'plain.txt'))).toBe('x');
  });

  it.skipIf(process.platform === 'win32')('throws what else goes wrong, so the caller can say why', () => {
    mkdirSync(join(dir, 'folder.av'));
    let thrown: unknown = null;
    try {
      readTextFileIfExists(join(dir, 'folder.av'));
    } catch (error) {
      thrown = error;
    }
    expect(describeIoError(thrown)).toBe('Is a directory (os error 21)');
  });
});
