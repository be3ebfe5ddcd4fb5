import { describe, expect, it } from 'vitest';
import { scanKeyPositions } from './key-positions.js';

describe('scanKeyPositions', () => {
  it('records key and value columns of top-level keys and keys under table headers', () => {
    const positions = scanKeyPositions('name = "x"\n  iterations   =  3\n[expected]\nresponse_bytes = 5\n');
    expect(positions.get('name')).toEqual({ key: { line: 1, column: 1 }, value: { line: 1, column: 8 } });
    expect(positions.get('iterations')).toEqual({
      key: { line: 2, column: 3 },
      value: { line: 2, column: 19 },
    });
    expect(positions.get('expected')?.key).toEqual({ line: 3, column: 1 });
    expect(positions.get('expected.response_bytes')?.value).toEqual({ line: 4, column: 18 });
  });

  it('understands dotted and quoted keys and inline tables', () => {
    const positions = scanKeyPositions(
      'tolerance . "wall_time_p50_pct" = 1.0\nexpected = { a = 1, b = 2 }\n',
    );
    expect(positions.get('tolerance.wall_time_p50_pct')?.value).toEqual({ line: 1, column: 35 });
    expect(positions.get('expected.a')?.value).toEqual({ line: 2, column: 18 });
    expect(positions.get('expected.b')?.key).toEqual({ line: 2, column: 21 });
  });

  it('ignores comments and text inside multi-line strings', () => {
    const positions = scanKeyPositions('# iterations = 1\nname = """\nwarmup = 2\n"""\nwarmup = 3\n');
    expect(positions.has('iterations')).toBe(false);
    expect(positions.get('warmup')?.value).toEqual({ line: 5, column: 10 });
  });
});
