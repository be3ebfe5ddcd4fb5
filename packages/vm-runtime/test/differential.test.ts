import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameAsReference, rngOf } from './differential-harness.js';
import { generateProgram } from './program-generator.js';

// Differential tests of the compiler's optimisations: a program's optimised run (the real pipeline and compiler:
// moves and in-place updates, fused opcodes, inlining, scalar replacement, typed Int/Float opcodes, buffered
// joins, interpolation plans) must print the same lines and return a value with the same display as the
// reference evaluator (reference-evaluator.ts: a tree walk over the checked AST with copy-on-every-update value
// semantics and exact bigint Ints). Programs come from the typed generator in program-generator.ts, and from the
// golden programs under test/programs. CI runs a small fixed-seed budget; `pnpm run differential --runs N --seed S`
// (scripts/differential.ts) runs a larger one and prints the programs tried, the disagreements and the seed.

describe('differential: optimised runs agree with the reference evaluator', () => {
  it('on generated programs (aliasing, updates, scalar replacement, inlining, loops, Int limits)', () => {
    let programs = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        programs++;
        expectSameAsReference(generateProgram(rngOf(g)));
      }),
      { seed: 20_251_127, numRuns: 300, endOnFailure: true },
    );
    expect(programs).toBeGreaterThanOrEqual(300);
  });

  const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), 'programs');
  // Not for the reference: programs that do not run (checker and parser suites, modules, resource limits), deep
  // non-tail recursion (the reference walks the tree on the JS stack), and 100,000 updates of a 100,000-item vector
  // (the reference copies on every update).
  const notForReference = new Set([
    'check-errors',
    'syntax',
    'lib',
    'limits',
    'deep-sum.av',
    'mutual-non-tail.av',
    'buffered-join.av',
    'in-place-updates.av',
  ]);
  const golden = (function collect(dir: string): string[] {
    return readdirSync(dir)
      .filter((name) => !notForReference.has(name))
      .flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return collect(path);
        return name.endsWith('.av') ? [path] : [];
      })
      .sort();
  })(programsDir);

  it.each(golden.map((path) => [relative(programsDir, path), path]))(
    'on the golden program %s',
    (_name, path) => {
      expectSameAsReference(readFileSync(path, 'utf8'), path);
    },
  );
});
