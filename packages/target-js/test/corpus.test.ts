import { join } from 'node:path';
import { sharedCorpus, topLevelPrograms } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { runOnJs, runOnVm } from './differential.js';

// The shared conformance corpus on the js target: every program prints its `.stdout` or returns its `.returns`,
// exactly as on the vm. Skipped, visibly and case by case, when the shared folder is absent.

const corpus = sharedCorpus('target-js corpus');
const corpusDir = corpus.dir ?? '';
const programs = topLevelPrograms(corpus);
const expected = (name: string, extension: string): string | null =>
  corpus.read(name.replace(/\.av$/, extension));

describe.skipIf(corpus.dir === null)('the shared corpus on the js target', () => {
  it('has programs with expected output', () => {
    expect(programs.length).toBeGreaterThan(10);
  });

  it.each(programs)('%s prints and returns what its expected files say, as on the vm', (name) => {
    const path = join(corpusDir, name);
    const options = { moduleRoot: corpusDir };
    const js = runOnJs(path, {}, options);
    expect(js).toEqual(runOnVm(path, {}, options));
    expect(js.error).toBeNull();
    const stdout = expected(name, '.stdout');
    if (stdout !== null) expect(js.stdout.map((line) => `${line}\n`).join('')).toBe(stdout);
    const returns = expected(name, '.returns');
    if (returns !== null) expect(js.value).toBe(returns);
  });
});
