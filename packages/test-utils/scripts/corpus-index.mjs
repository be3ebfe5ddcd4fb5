#!/usr/bin/env node
// Writes corpus-index.txt: the programs and expected-output files of the shared conformance corpus
// (`$AVER_SHARED_DIR/corpus` or `<repo>/../shared/corpus`). Tests use it to name, and count as skipped, the corpus
// cases they cannot run when the corpus is absent. Run it after the corpus changes: `pnpm corpus-index`.
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(process.env.AVER_SHARED_DIR ?? resolve(packageDir, '../../../shared'), 'corpus');
if (!existsSync(corpus)) {
  process.stderr.write(`corpus-index: no corpus at ${corpus} (set AVER_SHARED_DIR)\n`);
  process.exit(1);
}

function filesUnder(dir, prefix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(join(dir, entry.name), relative) : [relative];
  });
}

const files = filesUnder(corpus, '')
  .filter((file) => /\.(av|stdout|returns)$/.test(file))
  .sort();
const header = [
  '# The shared conformance corpus: its programs and expected-output files, relative to the corpus folder.',
  '# Tests name (and count as skipped) the cases they cannot run from this list when the corpus is absent.',
  '# Written by scripts/corpus-index.mjs (pnpm corpus-index); the corpus itself is not part of the repository.',
];
const target = join(packageDir, 'corpus-index.txt');
writeFileSync(`${target}.tmp`, `${[...header, ...files].join('\n')}\n`);
renameSync(`${target}.tmp`, target);
process.stdout.write(`corpus-index: ${files.length} files from ${corpus}\n`);
