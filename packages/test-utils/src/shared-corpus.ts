import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared folder: `$AVER_SHARED_DIR`, or `<repo>/../shared`. It is not part of the repository. */
export function sharedDir(): string {
  return process.env.AVER_SHARED_DIR ?? resolve(repoDir, '../shared');
}

/**
 * The shared conformance corpus folder (`<shared>/corpus`) when it exists; otherwise `null`, after one visible
 * notice naming the suite that skips, so the suite can count its corpus tests as skipped.
 *
 * @param suite - Named in the notice.
 */
export function sharedCorpusDir(suite: string): string | null {
  const dir = join(sharedDir(), 'corpus');
  if (existsSync(dir)) return dir;
  console.warn(`[${suite}] shared corpus not found at ${dir} (set AVER_SHARED_DIR): its tests are skipped`);
  return null;
}
