import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenProgramFiles, readGoldenProgram } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { type RunSetup, runOnJs, runOnVm } from './differential.js';

// The VM's golden programs (packages/vm-runtime/test/programs), run on both targets: the js target must print,
// return and fail exactly as the VM does, and as each program's own comments say. VM-only directives (counters,
// disassembly, `aver verify` output) are the VM suite's business; a program whose run needs the VM's instruction
// counting (a step budget) is skipped here, visibly, and the refusal is tested in run-js.test.ts.

const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../vm-runtime/test/programs');

/** What a program expects of a run on the js target: the run's setup and what it shows. */
function expectationsOf(text: string) {
  const golden = readGoldenProgram(text);
  const setup: RunSetup = { ...(golden.runOptions as RunSetup), stdinLines: golden.stdin };
  return { ...golden, setup };
}

const programs = goldenProgramFiles(programsDir).map((path) => {
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
