import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(packageDir, '../..');

/** The committed list of the corpus's files, used to name the cases that skip when the corpus is absent. */
export const CORPUS_INDEX_PATH = join(packageDir, 'corpus-index.txt');

/** The shared folder: `$AVER_SHARED_DIR`, or `<repo>/../shared`. It is not part of the repository. */
export function sharedDir(): string {
  return process.env.AVER_SHARED_DIR ?? resolve(repoDir, '../shared');
}

/** The shared conformance corpus as a suite sees it. */
export interface SharedCorpus {
  /** The corpus folder, or `null` when it is absent: every case then counts as skipped. */
  readonly dir: string | null;
  /**
   * The corpus's files, relative to its folder (`/`-separated, sorted). When the folder is present, what is in it;
   * when it is absent, the committed index (`corpus-index.txt`), so a suite still registers one skipped test per
   * case instead of none.
   */
  readonly files: readonly string[];
  /** The absolute path of a corpus file (only meaningful when `dir` is not `null`). */
  readonly path: (relative: string) => string;
  /** A corpus file's text, or `null` when the corpus has no such file. */
  readonly read: (relative: string) => string | null;
}

/**
 * The shared conformance corpus (`<shared>/corpus`). When it is absent, one visible notice names the suite that
 * skips, and `files` comes from the committed index so the suite's corpus cases are counted as skipped.
 *
 * @param suite - Named in the notice.
 */
export function sharedCorpus(suite: string): SharedCorpus {
  const folder = join(sharedDir(), 'corpus');
  const present = existsSync(folder);
  if (!present) {
    console.warn(
      `[${suite}] shared corpus not found at ${folder} (set AVER_SHARED_DIR): its tests are skipped`,
    );
  }
  const files = present ? filesUnder(folder, '') : readCorpusIndex();
  const fileSet = new Set(files);
  return {
    dir: present ? folder : null,
    files,
    path: (relative) => join(folder, relative),
    read: (relative) =>
      present && fileSet.has(relative) ? readFileSync(join(folder, relative), 'utf8') : null,
  };
}

/** The corpus programs directly in the corpus folder (`name.av`), the unit most conformance suites iterate. */
export function topLevelPrograms(corpus: SharedCorpus): string[] {
  return corpus.files.filter((file) => file.endsWith('.av') && !file.includes('/'));
}

/** The paths listed in the committed corpus index (one a line; `#` starts a comment). */
export function readCorpusIndex(): string[] {
  return readFileSync(CORPUS_INDEX_PATH, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Every file below `dir`, relative to the corpus folder, sorted. */
function filesUnder(dir: string, prefix: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...filesUnder(join(dir, entry.name), relative));
    else files.push(relative);
  }
  return files.sort();
}
