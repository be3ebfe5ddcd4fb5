import { describe, expect, it } from 'vitest';
import { CodeWriter, lineMark } from './code-writer.js';

describe('CodeWriter', () => {
  it('starts a new JS line where the Aver line changes and records the Aver line of each JS line', () => {
    const writer = new CodeWriter();
    writer.raw('function f(a, b) {');
    writer.add(1, `${lineMark(3)}return $addInt(${lineMark(3)}g(a), ${lineMark(4)}h(b));`);
    writer.raw('}');
    expect(writer.source()).toBe(
      ['function f(a, b) {', '  return $addInt(g(a),', '    h(b));', '}'].join('\n'),
    );
    expect([...writer.lineTable()]).toEqual([0, 0, 3, 4, 0]);
  });

  it('gives text before the first mark no Aver line', () => {
    const writer = new CodeWriter();
    writer.add(0, `x = ${lineMark(7)}$divInt(a, b);`);
    expect(writer.source()).toBe('x =\n  $divInt(a, b);');
    expect([...writer.lineTable()]).toEqual([0, 0, 7]);
  });
});
