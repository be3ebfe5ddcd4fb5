import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedCorpus, topLevelPrograms } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { displayValue } from '../src/display.js';
import { compileFile, runProgram } from '../src/program.js';
import { verifyProgram } from '../src/verify.js';

// The shared conformance corpus (../shared/corpus, or $AVER_SHARED_DIR/corpus): every `.stdout` program prints
// exactly that, every `.returns` program's main value displays as the file says, and every verify block passes.
// Without the corpus, every case is listed from the committed index and counted as skipped.

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = sharedCorpus('corpus');
const present = corpus.dir !== null;
const corpusDir = corpus.dir ?? '';

const programs = topLevelPrograms(corpus);
const withExpected = (extension: string) =>
  programs.filter((name) => corpus.files.includes(name.replace(/\.av$/, extension)));
const withStdout = withExpected('.stdout');
const withReturns = withExpected('.returns');
const verified = corpus.files.filter((file) => file.endsWith('.av'));
const cliPath = join(packageDir, 'dist', 'cli.js');

function compile(name: string) {
  const result = compileFile(join(corpusDir, name), { moduleRoot: corpusDir });
  if (!result.ok) throw new Error(`${result.stage}: ${result.message}`);
  return result.program;
}

function expected(name: string, extension: '.stdout' | '.returns'): string {
  return corpus.read(name.replace(/\.av$/, extension))!;
}

describe.skipIf(!present)('the shared corpus', () => {
  it('has programs with expected output and expected values', () => {
    expect(withStdout.length).toBeGreaterThan(5);
    expect(withReturns.length).toBeGreaterThan(0);
  });

  it.each(withStdout)('%s prints its .stdout', (name) => {
    const lines: string[] = [];
    const result = runProgram(compile(name), {
      console: { writeOut: (line) => lines.push(line), writeErr: (line) => lines.push(`stderr: ${line}`) },
    });
    expect(lines.map((line) => `${line}\n`).join('')).toBe(expected(name, '.stdout'));
    expect(displayValue(result.value)).toBeNull();
  });

  it.each(withReturns)('%s returns a main value displayed as its .returns', (name) => {
    expect(displayValue(runProgram(compile(name), { console: 'silent' }).value)).toBe(
      expected(name, '.returns'),
    );
  });

  it.each(verified)('%s passes every verify block', (name) => {
    const report = verifyProgram(compile(name));
    expect(report.setupError).toBeNull();
    for (const line of report.lines) expect(line.failures).toEqual([]);
    expect(report.lines.every((line) => line.passed === line.total && line.total > 0)).toBe(true);
  });
});

describe.skipIf(!present || !existsSync(cliPath))('the corpus through the built `aver` command', () => {
  if (present && !existsSync(cliPath))
    console.warn(`[corpus] ${cliPath} is missing: the spawned CLI tests are skipped`);

  it.each(withStdout)('aver run %s prints its .stdout and exits 0', (name) => {
    const result = spawnSync(process.execPath, [cliPath, 'run', name], { cwd: corpusDir, encoding: 'utf8' });
    expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      code: 0,
      stdout: expected(name, '.stdout'),
      stderr: '',
    });
  });

  it('aver verify passes on a corpus program and exits 0', () => {
    const result = spawnSync(process.execPath, [cliPath, 'verify', 'fibonacci.av'], {
      cwd: corpusDir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Summary: 1 file | 14 blocks | 59/59 cases passed');
  });
});
