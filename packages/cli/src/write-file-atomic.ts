import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new one, never a partial file: the text goes to a
 * temp file in the same folder, which is then renamed over the target.
 * @param filePath Where the file goes.
 * @param text Its content.
 * @throws The `node:fs` error when the folder is missing or not writable, or the target is a folder.
 */
export function writeFileAtomic(filePath: string, text: string): void {
  const temp = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, filePath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
