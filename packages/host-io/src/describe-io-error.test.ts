import { describe, expect, it } from 'vitest';
import { describeIoCode, describeIoError } from './describe-io-error.js';

/** A `node:fs`-style error. */
function fsError(
  code: string,
  errno: number,
  message = `${code}: something, open 'x'`,
): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, errno });
}

describe('describeIoError', () => {
  it.skipIf(process.platform === 'win32')(
    "phrases a file-system error like Rust's io::Error, with the OS error code",
    () => {
      expect(describeIoError(fsError('ENOENT', -2))).toBe('No such file or directory (os error 2)');
      expect(describeIoError(fsError('EISDIR', -21))).toBe('Is a directory (os error 21)');
      expect(describeIoError(fsError('ENOSPC', -28))).toBe('No space left on device (os error 28)');
    },
  );

  it('falls back to the Node code without an errno, and to libuv words for codes it does not know', () => {
    expect(describeIoError(fsError('EACCES', Number.NaN))).toBe('Permission denied (EACCES)');
    const unknown = fsError('ECONNRESET', Number.NaN, 'ECONNRESET: connection reset by peer, read');
    expect(describeIoError(unknown)).toBe('Connection reset by peer (ECONNRESET)');
  });

  it('gives the first line of any other error, stack-free', () => {
    expect(describeIoError(new Error('boom\n    at somewhere'))).toBe('boom');
    expect(describeIoError('plain')).toBe('plain');
  });
});

describe('describeIoCode', () => {
  it.skipIf(process.platform === 'win32')(
    'words a code alone with the OS error number of this platform',
    () => {
      expect(describeIoCode('ENOENT')).toBe('No such file or directory (os error 2)');
      expect(describeIoCode('EISDIR')).toBe('Is a directory (os error 21)');
    },
  );
});
