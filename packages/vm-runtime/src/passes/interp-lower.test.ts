import { describe, expect, it } from 'vitest';
import type { InterpString } from '../ast.js';
import { lowerText, runText, source } from '../test-helpers.js';
import { visitExprs } from './walk.js';

function interpolations(text: string): InterpString[] {
  const program = lowerText(text);
  const found: InterpString[] = [];
  for (const unit of program.units)
    visitExprs(unit.body, (expr) => expr.kind === 'Interp' && found.push(expr));
  return found;
}

describe('interp_lower', () => {
  it('plans each interpolation as buffer segments with the display its type needs', () => {
    const [lowered] = interpolations(
      source(`
        fn show(name: String, n: Int, x: Float, xs: List<Int>) -> String
            "{name}: {n} / {x} / {xs}!"
      `),
    );
    const segments = lowered.lowered!.segments.map((segment) =>
      segment.kind === 'text' ? `text ${JSON.stringify(segment.value)}` : `value ${segment.display}`,
    );
    expect(segments).toEqual([
      'value raw',
      'text ": "',
      'value int',
      'text " / "',
      'value float',
      'text " / "',
      'value value',
      'text "!"',
    ]);
    expect(lowered.lowered!.capacityHint).toBe(2 + 3 + 3 + 1);
  });

  it('merges adjacent literal pieces and drops empty ones', () => {
    const [lowered] = interpolations(
      source(`
        fn f(n: Int) -> String
            "a{{b}}{}c{n}"
      `),
    );
    expect(lowered.lowered!.segments.map((segment) => segment.kind)).toEqual(['text', 'value']);
    expect(lowered.lowered!.segments[0]).toEqual({ kind: 'text', value: 'a{b}c' });
  });

  it('reports how many interpolations it lowered, and which need no buffer', () => {
    const program = lowerText(
      source(`
        fn f(s: String, n: Int) -> String
            a = "{s}"
            b = "x{n}"
            "{a}{b}"
      `),
    );
    expect(program.reports.interp_lower).toEqual({ lowered: 3, withoutBuffer: 1 });
  });

  it('keeps an accumulator loop linear: 50,000 appends finish quickly and produce the same text', () => {
    const run = runText(
      source(`
        fn build(i: Int, acc: String) -> String
            match i
                0 -> acc
                _ -> build(i - 1, "{acc}{i}")

        fn main() -> Int
            String.len(build(50000, ""))
      `),
      { timeoutMs: 10_000 },
    );
    expect(run.value).toBe(238894);
  });
});
