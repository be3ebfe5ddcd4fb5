/** Rust `io::ErrorKind` texts for the errno codes a file or stream operation commonly meets. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  ELOOP: 'Too many levels of symbolic links',
  EBADF: 'Bad file descriptor',
  EIO: 'Input/output error',
  EPIPE: 'Broken pipe',
  EFBIG: 'File too large',
};

/**
 * A Node file-system error phrased like Rust's `io::Error` display (`Is a directory (os error 21)`); an error with
 * no known code keeps its own message.
 */
export function ioErrorText(error: unknown): string {
  const nodeError = error as NodeJS.ErrnoException | null;
  const code = typeof nodeError?.code === 'string' ? nodeError.code : undefined;
  if (code === undefined || !(code in REASONS)) return String(nodeError?.message ?? error);
  const errno = typeof nodeError?.errno === 'number' ? ` (os error ${Math.abs(nodeError.errno)})` : '';
  return REASONS[code] + errno;
}

/**
 * Thrown by a `HostContext.readLine` that could not read (stdin is a directory, a closed descriptor …): the
 * `Console.readLine` built-in turns it into `Result.Err(message)`, as the reference returns the `io::Error` text.
 */
export class ReadLineError extends Error {
  override readonly name = 'ReadLineError';
}
