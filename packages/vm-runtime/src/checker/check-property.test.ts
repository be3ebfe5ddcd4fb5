import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sharedCorpus } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../module-loader.js';
import { checkProgram } from './check-program.js';

// Property: whatever the source text, parse + check return diagnostics and never throw. Sources are corpus
// programs (and the golden check-error programs) mutated by token-level edits, so most runs are near-valid code
// that reaches deep into the checker rather than stopping at the first syntax error.

const here = dirname(fileURLToPath(import.meta.url));
// Without the shared corpus the sources are the local programs only (sharedCorpus says so on stderr).
const corpusDir = sharedCorpus('checker property').dir;
const goldenDir = resolve(here, '../../test/programs/check-errors');

/** Every `.av` file under `dir`, keyed by its path relative to `dir`. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.av')) out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const trees = [corpusDir === null ? {} : readTree(corpusDir), readTree(goldenDir)].filter(
  (tree) => Object.keys(tree).length > 0,
);
const entries = trees.flatMap((tree) =>
  Object.keys(tree)
    .filter((path) => !path.includes('/'))
    .map((path) => ({ tree, path })),
);

const fragments = [
  ' ',
  '\n',
  '    ',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '..',
  ':',
  '=',
  '=>',
  '->',
  '?',
  '?!',
  '!',
  '-',
  '+',
  '*',
  '/',
  '==',
  '<',
  '>=',
  '"',
  '"{x}"',
  '_',
  '0',
  '1.5',
  'x',
  'n',
  'Int',
  'String',
  'List<Int>',
  'Option.None',
  'Option.Some(',
  'Result.Ok(',
  'Result.Err(',
  'match ',
  'fn ',
  'verify ',
  'given ',
  'type ',
  'record ',
  'module ',
  'depends [',
  'exposes [',
  'effects [',
  '! [Console]',
  'Console.print(',
  'List.len(',
  'Map.set(',
  'true',
  'Unit',
  'Shape.Point',
  'User.update(',
  'Tuple<Int, Int>',
  '(Int, Int)',
  'Fn(Int) -> Int',
  '[h, ..t]',
];

/** One edit of the source text; positions are fractions so the same edit applies to any length. */
const edit = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat(40),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })),
  }),
  fc.record({
    kind: fc.constant('swapLines' as const),
    a: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('duplicateLine' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, change: Edit): string {
  switch (change.kind) {
    case 'delete': {
      const at = Math.floor(change.at * text.length);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'insert': {
      const at = Math.floor(change.at * text.length);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = Math.floor(change.a * lines.length) % lines.length;
      const b = Math.floor(change.b * lines.length) % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'duplicateLine': {
      const lines = text.split('\n');
      const at = Math.floor(change.at * lines.length) % lines.length;
      lines.splice(at, 0, lines[at]);
      return lines.join('\n');
    }
  }
}

/** Loads `path` of `tree` (with one file replaced by `text`) from memory and checks it. */
function checkMutated(tree: Record<string, string>, path: string, text: string): void {
  const loaded = loadProgram(path, '.', (file) => {
    const key = file.replace(/^\.\//, '');
    return key === path ? text : (tree[key] ?? null);
  });
  const result = checkProgram(loaded);
  for (const diagnostic of [...loaded.diagnostics, ...result.diagnostics]) {
    expect(typeof diagnostic.message).toBe('string');
    expect(diagnostic.span.line).toBeGreaterThanOrEqual(1);
  }
}

describe('parse + check on mutated programs', () => {
  it('has programs to mutate', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it('returns diagnostics and never throws for token-level edits', () => {
    fc.assert(
      fc.property(
        fc.nat(entries.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (index, edits) => {
          const { tree, path } = entries[index];
          checkMutated(tree, path, edits.reduce(applyEdit, tree[path]));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('turns an expression too deep for the JS stack into one diagnostic', () => {
    let expr = '1';
    for (let level = 0; level < 200; level++) expr = `(${expr}${' + 1'.repeat(900)})`;
    const loaded = loadProgram(
      'main.av',
      '.',
      () => `fn f() -> Int\n    ${expr}\n\nfn g() -> Int\n    "x"\n`,
    );
    expect(loaded.diagnostics).toEqual([]);
    expect(
      checkProgram(loaded).diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`),
    ).toEqual([
      '1:4 Expression is nested too deeply to check',
      "5:5 Function 'g': body returns String but declared return type is Int",
    ]);
  });

  it('returns diagnostics and never throws for arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        checkMutated({}, 'main.av', parts.join(''));
      }),
      { numRuns: 1000 },
    );
  });
});
