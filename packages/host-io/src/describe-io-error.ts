import { constants as osConstants } from 'node:os';

/** The C library's `strerror` texts (what Rust's `io::Error` prints) for the errors file access commonly meets. */
const IO_ERROR_TEXT = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EBUSY: 'Device or resource busy',
  EXDEV: 'Invalid cross-device link',
  EIO: 'Input/output error',
  EBADF: 'Bad file descriptor',
  EPIPE: 'Broken pipe',
  EFBIG: 'File too large',
} as const satisfies Record<string, string>;

/**
 * A short, stack-free description of a file-system error, phrased like Rust's `io::Error` display so the
 * reference's message templates come out byte for byte: `No such file or directory (os error 2)`. The number is
 * the OS error code (Node's `errno`, negated); on Windows, where Node's `errno` is not the OS code, the Node
 * code is shown instead: `No such file or directory (ENOENT)`.
 * @param error What `node:fs` threw.
 * @returns One line of text.
 */
export function describeIoError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    const text = (IO_ERROR_TEXT as Record<string, string>)[error.code] ?? nodeDescription(error);
    if (text !== null) {
      const errno = 'errno' in error ? error.errno : undefined;
      return withOsCode(text, error.code, typeof errno === 'number' && errno < 0 ? -errno : null);
    }
  }
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * `describeIoError` for an error known only by its Node code (a reader that reports a missing file as `null`):
 * `describeIoCode('ENOENT')` is `No such file or directory (os error 2)` on Linux and macOS.
 * @param code A Node error code with a known text (`ENOENT`, `EISDIR` …).
 * @returns One line of text.
 */
export function describeIoCode(code: keyof typeof IO_ERROR_TEXT): string {
  return withOsCode(
    IO_ERROR_TEXT[code],
    code,
    osConstants.errno[code as keyof typeof osConstants.errno] ?? null,
  );
}

function withOsCode(text: string, code: string, osCode: number | null): string {
  return osCode === null || process.platform === 'win32'
    ? `${text} (${code})`
    : `${text} (os error ${osCode})`;
}

/** libuv's description inside a Node message (`ENOSPC: no space left on device, write`), capitalised. */
function nodeDescription(error: object): string | null {
  if (!(error instanceof Error)) return null;
  const match = /^[A-Z0-9_]+: ([^,\n]+)/.exec(error.message);
  if (match === null) return null;
  const description = match[1]!;
  return description.charAt(0).toUpperCase() + description.slice(1);
}
