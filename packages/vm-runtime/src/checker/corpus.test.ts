import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedCorpus, topLevelPrograms } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../diagnostics.js';
import { loadProgram } from '../module-loader.js';
import { findMissingAnnotations } from './annotations.js';
import { checkProgram } from './check-program.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repoDir = resolve(packageDir, '../..');
const corpus = sharedCorpus('checker');

const scenarioDir = join(repoDir, 'bench', 'scenarios');

function programsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.av')) : [];
}

/** Checks one program from disk and asserts it is clean and fully annotated. */
function expectCleanAndAnnotated(dir: string, name: string): void {
  const loaded = loadProgram(join(dir, name), dir);
  const result = checkProgram(loaded);
  const errors = [...loaded.diagnostics, ...result.diagnostics]
    .filter((d) => d.severity === 'error')
    .map(formatDiagnosticLine);
  expect(errors).toEqual([]);
  const files = [loaded.entry, ...loaded.modules.values()];
  const missing = files.flatMap((file) =>
    findMissingAnnotations(file, result.program.exprTypes).map((line) => `${file.path}:${line}`),
  );
  expect(missing).toEqual([]);
}

describe.skipIf(corpus.dir === null)('the shared conformance corpus', () => {
  it.each(topLevelPrograms(corpus))('%s checks with zero errors and every annotation slot filled', (name) => {
    expectCleanAndAnnotated(corpus.dir!, name);
  });
});

describe('the bench scenarios', () => {
  it.each(programsIn(scenarioDir))('%s checks with zero errors and every annotation slot filled', (name) => {
    expectCleanAndAnnotated(scenarioDir, name);
  });
});
