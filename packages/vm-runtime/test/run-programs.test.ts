import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenProgramFiles, readGoldenProgram } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { disassembleChunk } from '../src/debug.js';
import { displayValue } from '../src/display.js';
import { AverRuntimeError } from '../src/errors.js';
import { compileFile, type RunOptions, runProgram } from '../src/program.js';
import { WrapKind, WrapValue } from '../src/values.js';
import { formatVerifyReport, verifyProgram } from '../src/verify.js';

// Golden programs (test/programs/<feature>/*.av, except the checker's check-errors and the parser's syntax
// folders): each states what running it must do in directive comments (`// expect: <line>`, `// expect-value: …`,
// `// expect-counters: …`, …; the format is documented with `readGoldenProgram` in @aver/test-utils). The
// program's folder is the module root. Files under a `lib` folder are modules, not programs.

const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), 'programs');

const programs = goldenProgramFiles(programsDir);

describe('golden programs (test/programs)', () => {
  it('has programs for every feature folder', () => {
    expect(programs.length).toBeGreaterThan(20);
  });

  it.each(programs.map((path) => [relative(programsDir, path), path]))(
    '%s runs as its comments say',
    (_name, path) => {
      const expected = readGoldenProgram(readFileSync(path, 'utf8'));
      const compiled = compileFile(path);
      if (!compiled.ok) throw new Error(`${compiled.stage}: ${compiled.message}`);
      const stdout: string[] = [];
      const stderr: string[] = [];
      const console = {
        writeOut: (line: string) => stdout.push(line),
        writeErr: (line: string) => stderr.push(line),
      };
      if (expected.dump !== null) {
        const chunk = compiled.program.code.chunks.find((candidate) => candidate.name === expected.dump);
        if (chunk === undefined) throw new Error(`no function ${expected.dump} to dump`);
        expect(disassembleChunk(chunk, compiled.program.code).split('\n')).toEqual(expected.dumpLines);
      }
      if (expected.verify.length > 0) {
        const { timeoutMs } = expected.runOptions as RunOptions;
        const report = verifyProgram(compiled.program, timeoutMs === undefined ? {} : { timeoutMs });
        const style = { colour: false, maxFailures: 3 };
        expect(formatVerifyReport(basename(path), report, style)).toEqual(expected.verify);
      }
      let value: unknown = null;
      let failure: string | null = null;
      try {
        const lines = [...expected.stdin];
        const stdin = () => lines.shift() ?? null;
        const count =
          expected.counters !== null || expected.functions.length > 0 || expected.stacks.length > 0;
        const options: RunOptions = { ...(expected.runOptions as RunOptions), console, stdin, count };
        const result = runProgram(compiled.program, options);
        value = result.value;
        if (expected.counters !== null) {
          const { instructions, calls, allocations } = result.counters!;
          expect(`instructions=${instructions} calls=${calls} allocations=${allocations}`).toBe(
            expected.counters,
          );
        }
        if (expected.functions.length > 0) {
          const rows = result.counters!.byFunction.map(
            (row) =>
              `${row.name} line=${row.line ?? '-'} calls=${row.calls} instructions=${row.instructions} allocations=${row.allocations}`,
          );
          expect(rows).toEqual(expected.functions);
        }
        if (expected.stacks.length > 0) {
          const { byFunction, stacks } = result.counters!;
          const path = (index: number | null): string[] =>
            index === null ? [] : [...path(stacks[index].parent), byFunction[stacks[index].function].name];
          const lines = stacks.map(
            (stack, index) => `${path(index).join(';')} instructions=${stack.instructions}`,
          );
          expect(lines).toEqual(expected.stacks);
        }
      } catch (error) {
        if (!(error instanceof AverRuntimeError)) throw error;
        failure = error.format();
      }
      expect(stdout).toEqual(expected.stdout);
      expect(stderr).toEqual(expected.stderr);
      expect(failure).toBe(expected.runtimeError);
      if (failure !== null) return;
      if (expected.mainError !== null) {
        expect(value).toBeInstanceOf(WrapValue);
        expect((value as WrapValue).wrap).toBe(WrapKind.Err);
        expect(displayValue((value as WrapValue).value)).toBe(expected.mainError);
      }
      if (expected.value !== null) expect(displayValue(value as never) ?? 'None').toBe(expected.value);
    },
  );
});
