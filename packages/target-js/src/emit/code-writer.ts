/**
 * Source text with a line table. Generated code carries *line marks* (`lineMark(n)`) in front of every token that
 * can fail at run time; laying it out starts a new JS line wherever the Aver line changes, so each JS line belongs
 * to one Aver line (or to none: function headers, the depth check, runtime glue). A runtime error's JS stack frame
 * then maps back to the Aver line the VM would report.
 */

const MARK = /\u0001(\d+)\u0002/g;

/** A mark in code text: the tokens after it belong to Aver line `line`. */
export function lineMark(line: number): string {
  return `\u0001${line}\u0002`;
}

/** True when `code` holds a line mark. */
export function hasLineMark(code: string): boolean {
  return code.includes('\u0001');
}

/** One logical line of a function body: its indentation depth and its text (possibly with line marks). */
export interface CodeLine {
  readonly depth: number;
  readonly text: string;
}

/** Accumulates laid-out JS source lines and the Aver line of each. */
export class CodeWriter {
  private readonly lines: string[] = [];
  private readonly averLines: number[] = [];

  /** Adds text that belongs to no Aver line (headers, comments, runtime glue); it may span several lines. */
  raw(text: string, depth = 0): void {
    const indent = '  '.repeat(depth);
    for (const line of text.split('\n')) {
      this.lines.push(line === '' ? '' : indent + line);
      this.averLines.push(0);
    }
  }

  /**
   * Adds one logical line, split at every line mark whose Aver line differs from the current JS line's; the text
   * before the first mark belongs to no Aver line unless a mark opens it.
   */
  add(depth: number, text: string): void {
    const indent = '  '.repeat(depth);
    let current = 0;
    let buffer = '';
    let last = 0;
    const flush = () => {
      this.lines.push((indent + buffer).trimEnd());
      this.averLines.push(current);
    };
    for (const match of text.matchAll(MARK)) {
      buffer += text.slice(last, match.index);
      last = match.index + match[0].length;
      const line = Number(match[1]);
      if (line === current) continue;
      if (buffer.trim() !== '') {
        flush();
        buffer = '  ';
      }
      current = line;
    }
    buffer += text.slice(last);
    flush();
  }

  /** Adds the logical lines of a block at `depth` plus each line's own depth. */
  addAll(depth: number, lines: readonly CodeLine[]): void {
    for (const line of lines) this.add(depth + line.depth, line.text);
  }

  /** The source text (lines joined with `\n`). */
  source(): string {
    return this.lines.join('\n');
  }

  /** The Aver line of each JS line, indexed by JS line number (1-based; 0: no Aver line). */
  lineTable(): Int32Array {
    return Int32Array.from([0, ...this.averLines]);
  }
}
