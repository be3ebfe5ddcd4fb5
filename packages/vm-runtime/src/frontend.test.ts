import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lowerFile, lowerSource } from './frontend.js';

const FIB = [
  'fn fib(n: Int) -> Int',
  '    match n',
  '        0 -> 0',
  '        1 -> 1',
  '        _ -> fib(n - 1) + fib(n - 2)',
  '',
  'fn countdown(n: Int) -> Int',
  '    match n',
  '        0 -> 0',
  '        _ -> countdown(n - 1)',
  '',
  'fn main() -> Int',
  '    fib(10)',
  '',
].join('\n');

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aver-frontend-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(root, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('the front end (lowerFile / lowerSource)', () => {
  it('gives the checked, lowered program with the stages that ran', () => {
    const stages: string[] = [];
    const result = lowerSource(FIB, 'fib.av', { onAfterPass: (stage) => stages.push(stage) });
    if (!result.ok) throw new Error(result.message);
    expect(result.passesApplied).toEqual([
      'tco',
      'typecheck',
      'interp_lower',
      'buffer_build',
      'resolve',
      'last_use',
      'analyze',
    ]);
    expect(stages).toEqual(result.passesApplied);
    const program = result.program;
    expect(program.units.map((unit) => `${unit.kind} ${unit.name}`)).toEqual([
      'function fib',
      'function countdown',
      'function main',
      'topLevel __top_level__',
    ]);
    const fib = program.units[0];
    expect(fib.params.map((param) => param.name)).toEqual(['n']);
    expect(fib.ret).toEqual({ kind: 'Int' });
    expect(fib.facts).toMatchObject({ leaf: false, selfTailCalls: 0, localCount: fib.localCount });
    expect(program.units[1].facts).toMatchObject({ selfTailCalls: 1 });
    expect(program.checked.functions.get('main')?.module).toBeNull();
  });

  it('annotates the tree: call targets, tail calls, slots and operand types', () => {
    const result = lowerSource(FIB, 'fib.av');
    if (!result.ok) throw new Error(result.message);
    const [, countdown] = result.program.units;
    const body = countdown.body[0];
    if (body.kind !== 'ExprStmt' || body.expr.kind !== 'Match') throw new Error('expected a match');
    const match = body.expr;
    expect(match.subject).toMatchObject({ kind: 'Ident', name: 'n', slot: 0 });
    const recursive = match.arms[1].body;
    expect(recursive).toMatchObject({
      kind: 'Call',
      tail: true,
      target: { kind: 'function', qualifiedName: 'countdown' },
    });
    if (recursive.kind !== 'Call') throw new Error('expected a call');
    expect(recursive.args[0]).toMatchObject({ kind: 'Binary', op: '-', operandKind: 'Int' });
  });

  it('reads the entry file and its dependencies from the module root', () => {
    const entry = write(
      'app.av',
      'module App\n    depends [Lib.Util]\n\nfn main() -> Int\n    Lib.Util.twice(4)\n',
    );
    write('lib/util.av', 'module Util\n\nfn twice(n: Int) -> Int\n    n * 2\n');
    const result = lowerFile(entry);
    if (!result.ok) throw new Error(result.message);
    expect(result.program.units.map((unit) => unit.name)).toContain('Lib.Util.twice');
  });

  it('stops at the failing stage with its message', () => {
    const missing = join(root, 'missing.av');
    expect(lowerFile(missing)).toMatchObject({
      ok: false,
      stage: 'read',
      message: `${missing}: No such file or directory (os error 2)`,
    });
    expect(lowerSource('fn main() -> Int\n    1 +\n', 'bad.av')).toMatchObject({ ok: false, stage: 'parse' });
    expect(lowerSource('fn main() -> Int\n    "text"\n', 'bad.av')).toMatchObject({
      ok: false,
      stage: 'typecheck',
      message: "error[2:5]: Function 'main': body returns String but declared return type is Int",
    });
  });
});
