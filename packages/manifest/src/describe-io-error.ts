const IO_ERROR_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
};

/**
 * A short, stack-free description of a file-system error: `No such file or directory (ENOENT)`.
 * @param error What `node:fs` threw.
 * @returns One line of text.
 */
export function describeIoError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    const text = IO_ERROR_TEXT[error.code];
    if (text !== undefined) return `${text} (${error.code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
