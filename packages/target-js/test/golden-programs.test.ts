import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type RunSetup, runOnJs, runOnVm } from './differential.js';

// The VM's golden programs (packages/vm-runtime/test/programs), run on both targets: the js target must print,
// return and fail exactly as the VM does, and as each program's own comments say. VM-only directives (counters,
// disassembly, `aver verify` output) are the VM suite's business; a program whose run needs the VM's instruction
// counting (a step budget) is skipped here, visibly, and the refusal is tested in run-js.test.ts.

const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../vm-runtime/test/programs');
const OTHER_SUITES = new Set(['check-errors', 'syntax']);

function programFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!OTHER_SUITES.has(name) && name !== 'lib') found.push(...programFiles(path));
    } else if (name.endsWith('.av')) found.push(path);
  }
  return found.sort();
}

interface Expectations {
  readonly setup: RunSetup;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly value: string | null;
  readonly runtimeError: string | null;
  readonly mainError: string | null;
}

function expectationsOf(text: string): Expectations {
  let setup: RunSetup = {};
  const stdin: string[] = [];
  const result = { stdout: [] as string[], stderr: [] as string[], value: null as string | null };
  let runtimeError: string | null = null;
  let mainError: string | null = null;
  for (const line of text.split('\n')) {
    const match = /^\s*\/\/ ([a-z-]+): ?(.*)$/.exec(line);
    if (match === null) continue;
    const [, directive, rest] = match;
    if (directive === 'expect') result.stdout.push(rest);
    else if (directive === 'expect-stderr') result.stderr.push(rest);
    else if (directive === 'expect-value') result.value = rest;
    else if (directive === 'expect-runtime-error') runtimeError = rest;
    else if (directive === 'expect-main-error') mainError = rest;
    else if (directive === 'run-options') setup = { ...setup, ...JSON.parse(rest) };
    else if (directive === 'args') setup = { ...setup, args: rest === '' ? [] : rest.split(' ') };
    else if (directive === 'stdin') stdin.push(rest);
  }
  return { setup: { ...setup, stdinLines: stdin }, ...result, runtimeError, mainError };
}

const programs = programFiles(programsDir).map((path) => {
  const expected = expectationsOf(readFileSync(path, 'utf8'));
  return { name: relative(programsDir, path), path, expected };
});
const needsVmCounting = (setup: RunSetup) => setup.stepBudget !== undefined || setup.count === true;

describe('the VM golden programs on the js target', () => {
  it('finds the programs', () => {
    expect(programs.length).toBeGreaterThan(40);
  });

  for (const program of programs) {
    it.skipIf(needsVmCounting(program.expected.setup))(`${program.name} runs as on the vm`, () => {
      const { setup, stdout, stderr, value, runtimeError, mainError } = program.expected;
      const js = runOnJs(program.path, setup);
      expect(js).toEqual(runOnVm(program.path, setup));
      expect(js.stdout).toEqual(stdout);
      expect(js.stderr).toEqual(stderr);
      expect(js.error).toBe(runtimeError);
      if (mainError !== null) expect(js.mainError).toBe(mainError);
      if (value !== null) expect(js.value ?? 'None').toBe(value);
    });
  }
});

describe('the VM golden programs on the js target with a tiny JS stack budget', () => {
  // Past the budget every call runs in the generator twins on the heap stack: the same outcome, errors and lines.
  for (const program of programs) {
    it.skipIf(needsVmCounting(program.expected.setup))(
      `${program.name} runs as on the vm from depth 2 on`,
      () => {
        const setup = program.expected.setup;
        expect(runOnJs(program.path, { ...setup, stackBudget: 2 } as RunSetup)).toEqual(
          runOnVm(program.path, setup),
        );
      },
    );
  }
});
