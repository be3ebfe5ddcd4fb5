import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared conformance corpus: `$AVER_SHARED_DIR/corpus`, or `<repo>/../shared/corpus`. */
export const SHARED_CORPUS_DIR = join(process.env.AVER_SHARED_DIR ?? resolve(repoDir, '../shared'), 'corpus');

/**
 * The corpus directory when it exists; otherwise `null`, after one visible notice saying which suite skips. The
 * corpus is not part of the project (on a user's machine it is absent), so the project's own tests stand alone.
 */
export function sharedCorpus(suite: string): string | null {
  if (existsSync(SHARED_CORPUS_DIR)) return SHARED_CORPUS_DIR;
  console.warn(
    `[${suite}] shared corpus not found at ${SHARED_CORPUS_DIR} (set AVER_SHARED_DIR): its tests are skipped`,
  );
  return null;
}
