import { describe, expect, it } from 'vitest';
import { loadProgram } from './module-loader.js';
import { PIPELINE_STAGES, runPipeline } from './pipeline.js';
import { source } from './test-helpers.js';

function load(text: string) {
  return loadProgram('main.av', '.', (path) => (path.replace(/^\.\//, '') === 'main.av' ? text : null));
}

const program = source(`
  fn count(n: Int) -> Int
      match n
          0 -> 0
          _ -> count(n - 1)

  fn main() -> String
      "{count(3)}"
`);

describe('the canonical pipeline', () => {
  it('runs the seven stages in order and announces each one after it ran', () => {
    const announced: string[] = [];
    const outcome = runPipeline(load(program), { onAfterPass: (stage) => announced.push(stage) });
    expect(outcome.ok).toBe(true);
    expect(announced).toEqual([
      'tco',
      'typecheck',
      'interp_lower',
      'buffer_build',
      'resolve',
      'last_use',
      'analyze',
    ]);
    expect(outcome.passesApplied).toEqual(PIPELINE_STAGES);
  });

  it('gets real work out of every stage it reports', () => {
    const outcome = runPipeline(load(program));
    if (!outcome.ok) throw new Error('pipeline failed');
    const { reports } = outcome.program;
    expect(reports.tco).toEqual({ functions: 2, recursiveComponents: 1, tailCalls: 1 });
    expect(reports.typecheck).toEqual({ functions: 2, warnings: expect.any(Number) });
    expect(reports.interp_lower).toEqual({ lowered: 1, withoutBuffer: 0 });
    expect(reports.buffer_build).toEqual({ variants: [], sinks: 0 });
    expect(reports.resolve).toEqual({ units: 3, slots: 1 });
    expect(reports.last_use).toEqual({ reads: 2, lastUses: 1 });
    expect(reports.analyze).toEqual({ compilerVisibleAllocs: 0, leafUnits: 1, thinUnits: 1 });
  });

  it('stops at a type error: later stages do not run and typecheck is not announced', () => {
    const announced: string[] = [];
    const outcome = runPipeline(load('fn main() -> Int\n    "text"\n'), {
      onAfterPass: (stage) => announced.push(stage),
    });
    expect(outcome.ok).toBe(false);
    expect(announced).toEqual(['tco']);
    expect(outcome.passesApplied).toEqual(['tco']);
    if (!outcome.ok) {
      expect(outcome.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
        "Function 'main': body returns String but declared return type is Int",
      ]);
    }
  });

  it('leaves out the stages a test asks to skip, and reports only what ran', () => {
    const outcome = runPipeline(load(program), { skip: new Set(['buffer_build', 'last_use']) });
    expect(outcome.passesApplied).toEqual(['tco', 'typecheck', 'interp_lower', 'resolve', 'analyze']);
  });
});
