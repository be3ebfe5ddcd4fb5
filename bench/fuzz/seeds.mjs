// The inputs the fuzzer starts from: Aver programs (the shared corpus when present, the VM's golden test programs,
// the bench programs) and scenario manifests (the bench's, plus the fuller ones kept next to this file). Read once,
// sorted by path, so a seed always draws from the same list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The shared folder as the test suites find it (`@aver/test-utils`): `$AVER_SHARED_DIR`, else `<repo>/../shared`. */
export function sharedCorpusDir() {
  const shared = process.env.AVER_SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');
  return path.join(shared, 'corpus');
}

/** Every file under `dir` (recursively) whose name ends in `extension`, sorted. */
function filesUnder(dir, extension) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, extension));
    else if (entry.isFile() && entry.name.endsWith(extension)) found.push(full);
  }
  return found.sort();
}

/**
 * @typedef {{ path: string, text: string }} ProgramSeed A program and where it lives (its folder is the module
 *   root, so `depends` still resolves when the in-process driver compiles a mutant as if it were this file).
 * @typedef {{ path: string, text: string, entryName: string | null, entryText: string | null }} ManifestSeed
 *   A manifest and the program its `entry` names (copied next to each mutant).
 * @typedef {{ programs: ProgramSeed[], manifests: ManifestSeed[], corpusDir: string | null }} Seeds
 */

/** @returns {Seeds} */
export function loadSeeds() {
  const corpus = sharedCorpusDir();
  const corpusDir = existsSync(corpus) ? corpus : null;
  const programFiles = [
    ...(corpusDir === null ? [] : filesUnder(corpusDir, '.av')),
    ...filesUnder(path.join(REPO_ROOT, 'packages/vm-runtime/test/programs'), '.av'),
    ...filesUnder(path.join(REPO_ROOT, 'bench/scenarios'), '.av'),
    ...filesUnder(path.join(REPO_ROOT, 'bench/vm'), '.av'),
  ];
  const programs = programFiles.map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
  const manifestFiles = [
    ...filesUnder(path.join(REPO_ROOT, 'bench/scenarios'), '.toml'),
    ...filesUnder(path.join(REPO_ROOT, 'bench/fuzz/seed-manifests'), '.toml'),
  ];
  const manifests = manifestFiles.map((file) => {
    const text = readFileSync(file, 'utf8');
    const entryName = /^entry\s*=\s*"([^"]+)"/m.exec(text)?.[1] ?? null;
    const entryPath = entryName === null ? null : path.join(path.dirname(file), entryName);
    const entryText = entryPath !== null && existsSync(entryPath) ? readFileSync(entryPath, 'utf8') : null;
    return { path: file, text, entryName, entryText };
  });
  return { programs, manifests, corpusDir };
}
