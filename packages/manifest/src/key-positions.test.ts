import { describe, expect, it } from 'vitest';
import { keyPositions } from './key-positions.js';

describe('keyPositions', () => {
  it('records key and value columns of top-level keys and keys under table headers', () => {
    const positions = keyPositions('name = "x"\n  iterations   =  3\n[expected]\nresponse_bytes = 5\n');
    expect(positions.get('name')).toEqual({ key: { line: 1, column: 1 }, value: { line: 1, column: 8 } });
    expect(positions.get('iterations')).toEqual({
      key: { line: 2, column: 3 },
      value: { line: 2, column: 19 },
    });
    expect(positions.get('expected')).toEqual({ key: { line: 3, column: 1 }, value: { line: 3, column: 1 } });
    expect(positions.get('expected.response_bytes')?.value).toEqual({ line: 4, column: 18 });
  });

  it('understands dotted and quoted keys and inline tables, also across lines', () => {
    const positions = keyPositions(
      'tolerance . "wall_time_p50_pct" = 1.0\nexpected = { a = 1,\n  b = 2 }\n[effects]\nx.\'y z\' = 3\n',
    );
    expect(positions.get('tolerance.wall_time_p50_pct')?.value).toEqual({ line: 1, column: 35 });
    expect(positions.get('expected')?.value).toEqual({ line: 2, column: 12 });
    expect(positions.get('expected.a')?.value).toEqual({ line: 2, column: 18 });
    expect(positions.get('expected.b')?.key).toEqual({ line: 3, column: 3 });
    expect(positions.get('effects.x.y z')?.key).toEqual({ line: 5, column: 1 });
  });

  it('ignores comments and text inside multi-line strings', () => {
    const positions = keyPositions('# iterations = 1\nname = """\nwarmup = 2\n"""\nwarmup = 3\n');
    expect(positions.has('iterations')).toBe(false);
    expect(positions.get('warmup')?.value).toEqual({ line: 5, column: 10 });
  });

  it('records the header of an array of tables under its name, at the first one', () => {
    const positions = keyPositions('[[runs]]\nn = 1\n[[runs]]\nn = 2\n');
    expect(positions.get('runs')?.key).toEqual({ line: 1, column: 1 });
    expect(positions.get('runs.n')?.value).toEqual({ line: 2, column: 5 });
  });

  it('counts columns per line, after non-ASCII text on earlier lines and in the key', () => {
    const positions = keyPositions('name = "é"\nwarmup = 1 # ü\n"ключ" = 2\n');
    expect(positions.get('ключ')?.value).toEqual({ line: 3, column: 10 });
  });
});
