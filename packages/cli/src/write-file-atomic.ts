import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmodSync, lstatSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The target exists and is not a regular file (a folder, a FIFO, a device, a socket): it is never replaced. */
export class NotRegularFileError extends Error {
  override readonly name = 'NotRegularFileError';

  constructor(
    /** What the target is, in words: `a directory`, `a FIFO`, `a character device` … */
    readonly kind: string,
  ) {
    super(`not a regular file (${kind}); refusing to replace it`);
  }
}

/** How many symlinks a target may go through, like the OS's `ELOOP` limit. */
const MAX_SYMLINKS = 40;

/**
 * Writes a file so that readers see the old content or the new one, never a partial file: the text goes to a
 * temp file in the same folder, which is then renamed over the target. Only a regular file (or nothing) is
 * replaced: a folder, FIFO, device or socket is refused, so `--save-baseline /dev/full` cannot swap a device for
 * a file. A symlink is followed, also when it dangles: the file it points to is what gets replaced, atomically, in
 * its own folder, with its permissions kept, and the link stays a link.
 * @param filePath Where the file goes.
 * @param text Its content.
 * @throws {NotRegularFileError} When the target exists and is not a regular file.
 * @throws The `node:fs` error when the folder is missing or not writable.
 */
export function writeFileAtomic(filePath: string, text: string): void {
  const target = followSymlinks(filePath);
  const existing = regularFileOrNothing(target);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    if (existing !== null) chmodSync(temp, existing.mode & 0o7777);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Checks, before any work is done, that `writeFileAtomic(filePath, …)` may replace what is there: nothing, or a
 * regular file (through any symlinks), in a folder that exists.
 * @throws {NotRegularFileError} When the target exists and is not a regular file.
 * @throws The `node:fs` error when its folder cannot be found.
 */
export function checkWritableTarget(filePath: string): void {
  const target = followSymlinks(filePath);
  regularFileOrNothing(target);
  const folder = statSync(path.dirname(target));
  if (!folder.isDirectory())
    throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR', errno: -20 });
}

function regularFileOrNothing(target: string): Stats | null {
  const existing = statOrNull(target);
  if (existing !== null && !existing.isFile()) throw new NotRegularFileError(describeKind(existing));
  return existing;
}

/** The path a chain of symlinks at `filePath` ends in (the path itself when it is not a link). */
function followSymlinks(filePath: string): string {
  let current = filePath;
  for (let hops = 0; hops < MAX_SYMLINKS; hops++) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch {
      return current; // Nothing there: a new file.
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP', errno: -40 });
}

function statOrNull(target: string): Stats | null {
  try {
    return statSync(target);
  } catch {
    return null;
  }
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}
