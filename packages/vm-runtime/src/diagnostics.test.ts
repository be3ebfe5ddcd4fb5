import { describe, expect, it } from 'vitest';
import type { Span } from './ast.js';
import { CODE_FRAME_WIDTH, errorAt, renderDiagnostic } from './diagnostics.js';

/** A diagnostic at `needle`'s first occurrence in `text` (line and column counted in code points). */
function at(text: string, needle: string, file = 'main.av') {
  const start = text.indexOf(needle);
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1;
  const span: Span = { file, line, column, start, end: start + needle.length };
  return errorAt(span, `Unknown identifier '${needle}'`);
}

describe('renderDiagnostic', () => {
  it('shows the line and a caret under the span', () => {
    const text = 'fn main() -> Int\n    1 + missing\n';
    expect(renderDiagnostic(at(text, 'missing'), text)).toBe(
      [
        "main.av:2:9: error: Unknown identifier 'missing'",
        '  |',
        '2 |     1 + missing',
        '  |         ^^^^^^^',
      ].join('\n'),
    );
  });

  it('escapes terminal controls in the path, the message and the source line, keeping the caret aligned', () => {
    const text = 'fn main() -> Int\n    x = "\u001b[2J\u0007" + missing\n';
    const diagnostic = { ...at(text, 'missing', 'evil\u001b[31m.av'), message: 'bad \u009b thing' };
    const frame = renderDiagnostic(diagnostic, text);
    expect(frame).toBe(
      [
        'evil\\u{1b}[31m.av:2:19: error: bad \\u{9b} thing',
        '  |',
        '2 |     x = "\\u{1b}[2J\\u{7}" + missing',
        '  |                            ^^^^^^^',
      ].join('\n'),
    );
    expect(frame).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('frames each diagnostic from its own text and line, in any order (the last line is remembered)', () => {
    const first = 'fn main() -> Int\n    alpha + beta\n';
    const second = 'fn main() -> Int\n    gamma\n';
    const frames = [
      renderDiagnostic(at(first, 'beta'), first),
      renderDiagnostic(at(first, 'alpha'), first),
      renderDiagnostic(at(second, 'gamma'), second),
      renderDiagnostic(at(first, 'fn'), first),
    ].map((frame) => frame.split('\n').slice(2));
    expect(frames).toEqual([
      ['2 |     alpha + beta', '  |             ^^^^'],
      ['2 |     alpha + beta', '  |     ^^^^^'],
      ['2 |     gamma', '  |     ^^^^^'],
      ['1 | fn main() -> Int', '  | ^^'],
    ]);
  });

  it('keeps tabs so the caret lines up under them', () => {
    const text = 'fn main() -> Int\n\t1 + missing\n';
    expect(renderDiagnostic(at(text, 'missing'), text).split('\n').slice(2)).toEqual([
      '2 | \t1 + missing',
      '  | \t    ^^^^^^^',
    ]);
  });

  it('shows a window around the span of a very long line, not the whole line', () => {
    const long = 'a'.repeat(5_000_000);
    const text = `fn main() -> Int\n    x = String.len("${long}") + missing\n`;
    const frame = renderDiagnostic(at(text, 'missing'), text);
    expect(frame.length).toBeLessThan(CODE_FRAME_WIDTH * 3);
    const [, , source, caret] = frame.split('\n');
    expect(source).toBe(`2 | …${'a'.repeat(CODE_FRAME_WIDTH - 12)}") + missing`);
    expect(caret.indexOf('^')).toBe(source.indexOf('missing'));
    expect(caret.endsWith('^^^^^^^')).toBe(true);
    const early = `fn main() -> Int\n    missing + String.len("${long}")\n`;
    const [, , head] = renderDiagnostic(at(early, 'missing'), early).split('\n');
    expect(head).toBe(`2 |     missing + String.len("${'a'.repeat(CODE_FRAME_WIDTH - 26)}…`);
  });
});
