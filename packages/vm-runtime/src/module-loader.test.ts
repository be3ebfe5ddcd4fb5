import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics.js';
import { loadProgram, parseSource } from './module-loader.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aver-loader-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes files (paths relative to the temp root) and returns the root. */
function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

function messages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.message.replaceAll(root, '<root>'));
}

const module = (name: string, depends: string[] = [], body = 'fn f() -> Int\n    1\n') =>
  `module ${name}\n    depends [${depends.join(', ')}]\n${body}`;

describe('loadProgram', () => {
  it('resolves depends paths to lowercased files under the module root', () => {
    write({
      'main.av': module('App', ['Modules.Models.User', 'Data.Fib']),
      'modules/models/user.av': module('User'),
      'data/fib.av': module('Fib'),
    });
    const program = loadProgram(join(root, 'main.av'), root);
    expect(messages(program.diagnostics)).toEqual([]);
    expect(program.entry.module!.name).toBe('App');
    expect([...program.modules.keys()]).toEqual(['Modules.Models.User', 'Data.Fib']);
    expect(program.modules.get('Data.Fib')!.path).toBe(join(root, 'data/fib.av'));
  });

  it('falls back to the exact-case path', () => {
    write({ 'main.av': module('App', ['Lib.Strings']), 'Lib/Strings.av': module('Strings') });
    const program = loadProgram(join(root, 'main.av'), root);
    expect(messages(program.diagnostics)).toEqual([]);
    expect(program.modules.get('Lib.Strings')!.path).toBe(join(root, 'Lib/Strings.av'));
  });

  it('orders dependencies before their dependents and loads a shared dependency once', () => {
    write({
      'main.av': module('App', ['B', 'C']),
      'b.av': module('B', ['D']),
      'c.av': module('C', ['D']),
      'd.av': module('D'),
    });
    const program = loadProgram(join(root, 'main.av'), root);
    expect(messages(program.diagnostics)).toEqual([]);
    expect(program.order).toEqual(['D', 'B', 'C']);
    expect(program.modules.size).toBe(3);
  });

  it('reports a module whose name differs from the last depends segment', () => {
    write({ 'main.av': module('App', ['Data.Fib']), 'data/fib.av': module('Fibonacci') });
    const program = loadProgram(join(root, 'main.av'), root);
    expect(messages(program.diagnostics)).toEqual([
      "Module name mismatch: expected 'Fib' (from 'Data.Fib'), found 'Fibonacci' in '<root>/data/fib.av'",
    ]);
    expect(program.diagnostics[0].span).toMatchObject({ file: join(root, 'main.av'), line: 2, column: 14 });
  });

  it('reports a dependency without a module declaration', () => {
    write({ 'main.av': module('App', ['Util']), 'util.av': 'fn f() -> Int\n    1\n' });
    expect(messages(loadProgram(join(root, 'main.av'), root).diagnostics)).toEqual([
      "Module 'Util' must start with 'module Util', but '<root>/util.av' has no module declaration",
    ]);
  });

  it('reports a missing module with the module root and keeps loading the others', () => {
    write({ 'main.av': module('App', ['Nope.Missing', 'Here']), 'here.av': module('Here') });
    const program = loadProgram(join(root, 'main.av'), root);
    expect(messages(program.diagnostics)).toEqual(["Module 'Nope.Missing' not found in '<root>'"]);
    expect(program.diagnostics[0].span).toMatchObject({ line: 2, column: 14 });
    expect([...program.modules.keys()]).toEqual(['Here']);
  });

  it('reports an import cycle through the entry with the whole chain', () => {
    write({ 'a.av': module('A', ['B']), 'b.av': module('B', ['A']) });
    const program = loadProgram(join(root, 'a.av'), root);
    expect(messages(program.diagnostics)).toEqual(['Circular import: A -> B -> A']);
    expect(program.diagnostics[0].span.file).toBe(join(root, 'b.av'));
    expect(program.order).toEqual(['B']);
  });

  it('reports a cycle among dependencies and a module importing itself', () => {
    write({
      'main.av': module('App', ['X']),
      'x.av': module('X', ['Y']),
      'y.av': module('Y', ['Z']),
      'z.av': module('Z', ['X', 'Z']),
    });
    expect(messages(loadProgram(join(root, 'main.av'), root).diagnostics)).toEqual([
      'Circular import: X -> Y -> Z -> X',
      'Circular import: Z -> Z',
    ]);
  });

  it('includes syntax errors of dependencies, positioned in their own file', () => {
    write({ 'main.av': module('App', ['Broken']), 'broken.av': 'module Broken\nfn f() -> Int\n    (1\n' });
    const program = loadProgram(join(root, 'main.av'), root);
    expect(messages(program.diagnostics)).toEqual(["Expected ')', found end of line"]);
    expect(program.diagnostics[0].span).toMatchObject({ file: join(root, 'broken.av'), line: 3, column: 7 });
  });

  it('turns a missing or unreadable entry into a diagnostic and an empty file', () => {
    const missing = loadProgram(join(root, 'none.av'), root);
    expect(messages(missing.diagnostics)).toEqual([
      "Cannot read '<root>/none.av': No such file or directory (os error 2)",
    ]);
    expect(missing.entry).toMatchObject({ path: join(root, 'none.av'), items: [], module: null });
    mkdirSync(join(root, 'dir.av'));
    expect(messages(loadProgram(join(root, 'dir.av'), root).diagnostics)).toEqual([
      "Cannot read '<root>/dir.av': Is a directory (os error 21)",
    ]);
  });

  it('uses a custom reader, and reports a reader that throws', () => {
    const files: Record<string, string> = { 'main.av': module('Main', ['Lib']), 'lib.av': module('Lib') };
    const program = loadProgram('main.av', '.', (path) => files[path] ?? null);
    expect(messages(program.diagnostics)).toEqual([]);
    expect(program.modules.get('Lib')!.module!.name).toBe('Lib');
    const failing = loadProgram('main.av', '.', () => {
      throw new Error('disk on fire');
    });
    expect(messages(failing.diagnostics)).toEqual(["Cannot read 'main.av': disk on fire"]);
  });

  it('re-exports parseSource', () => {
    expect(parseSource('x = 1\n', 'x.av').diagnostics).toEqual([]);
  });
});
