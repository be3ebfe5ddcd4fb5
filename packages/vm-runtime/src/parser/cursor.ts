import type { Span, SyntaxEra } from '../ast.js';
import { type Diagnostic, errorAt } from '../diagnostics.js';
import { expected, nestedTooDeeply, tooManyErrors } from '../messages.js';
import { describeToken, type TokenBuffer, TokenKind } from '../token.js';

/** Thrown (one shared instance) to unwind to the nearest recovery point after a diagnostic was recorded. */
export class ParseAbort extends Error {
  constructor() {
    super('parse aborted');
  }
}

const abort = new ParseAbort();

/** How deeply expressions, types and patterns may nest before the parser gives up on the item. */
const maxNesting = 256;

/** A file stops collecting syntax errors after this many. */
const maxErrors = 100;

/**
 * The parser's state: the token buffer, the position in it, and the diagnostics collected so far. Tokens are
 * referred to by index. The `parseX` functions of `src/parser/*` take the cursor as their first argument.
 */
export class Cursor {
  /** The buffer being parsed: the file's, or an interpolation buffer while an embedded expression is parsed. */
  buffer: TokenBuffer;
  private kinds: Uint8Array;
  pos = 0;
  /** End offset of the last consumed non-layout token, for closing spans. */
  lastEnd = 0;
  private nesting = 0;
  readonly diagnostics: Diagnostic[] = [];
  readonly eras = new Set<SyntaxEra>();
  /** Error tokens of the file's buffer already reported, so recovery does not report them twice. */
  private readonly reported = new Set<number>();
  private readonly main: TokenBuffer;
  /** Set once `maxErrors` is reached; recovery then skips to the end of the file. */
  stopped = false;

  constructor(
    buffer: TokenBuffer,
    readonly file: string,
  ) {
    this.buffer = buffer;
    this.main = buffer;
    this.kinds = buffer.kinds;
  }

  /** Switches to another buffer (an interpolation's) at `pos`; returns nothing, callers save and restore. */
  switchTo(buffer: TokenBuffer, pos: number): void {
    this.buffer = buffer;
    this.kinds = buffer.kinds;
    this.pos = pos;
  }

  /** The kind of the current token. */
  kind(): TokenKind {
    return this.kinds[this.pos] as TokenKind;
  }

  /** The kind of the token `offset` positions ahead (`Eof` past the end). */
  kindAt(offset: number): TokenKind {
    const index = this.pos + offset;
    return index < this.buffer.length ? (this.kinds[index] as TokenKind) : TokenKind.Eof;
  }

  /** The text of the token at `index` (the current one by default). */
  text(index: number = this.pos): string {
    return this.buffer.texts[index];
  }

  check(kind: TokenKind): boolean {
    return this.kinds[this.pos] === kind;
  }

  /** Consumes the current token and returns its index (`Eof` is never consumed). */
  advance(): number {
    const index = this.pos;
    const kind = this.kinds[index];
    if (kind < TokenKind.Newline) {
      this.lastEnd = this.buffer.ends[index];
      this.pos = index + 1;
    } else if (kind !== TokenKind.Eof) {
      this.pos = index + 1;
    }
    return index;
  }

  /** Consumes the current token if it has the given kind. */
  accept(kind: TokenKind): boolean {
    if (this.kinds[this.pos] !== kind) return false;
    this.advance();
    return true;
  }

  /** Consumes a token of the given kind and returns its index, or fails with `Expected <what>, found …`. */
  expect(kind: TokenKind, what: string): number {
    if (this.kinds[this.pos] === kind) return this.advance();
    return this.failExpected(what);
  }

  /** The kind of the last consumed token, layout included. */
  previousKind(): TokenKind {
    return this.pos > 0 ? (this.kinds[this.pos - 1] as TokenKind) : TokenKind.Newline;
  }

  /**
   * Ends a logical line: consumes a `Newline`, or accepts that the line already ended with a nested block
   * (a `match` whose arms closed with a `Dedent`).
   */
  endLine(): void {
    const kind = this.kinds[this.pos];
    if (kind === TokenKind.Newline) {
      this.pos++;
      return;
    }
    if (kind === TokenKind.Eof || this.previousKind() === TokenKind.Dedent) return;
    this.failExpected('end of line');
  }

  /** A span from the token at `start` to the end of the last consumed token. */
  spanFrom(start: number): Span {
    const { buffer } = this;
    const startOffset = buffer.starts[start];
    const end = this.lastEnd > startOffset ? this.lastEnd : buffer.ends[start];
    return {
      file: this.file,
      line: buffer.lines[start],
      column: buffer.columns[start],
      start: startOffset,
      end,
    };
  }

  /** The span of one token. */
  spanOf(index: number): Span {
    const { buffer } = this;
    return {
      file: this.file,
      line: buffer.lines[index],
      column: buffer.columns[index],
      start: buffer.starts[index],
      end: buffer.ends[index],
    };
  }

  /** Records an error at a token without unwinding. */
  report(index: number, message: string): void {
    this.reportAt(this.spanOf(index), message);
  }

  /** Records an error at a span without unwinding. */
  reportAt(span: Span, message: string): void {
    if (this.stopped) return;
    if (this.diagnostics.length >= maxErrors) {
      this.diagnostics.push(errorAt(span, tooManyErrors));
      this.stopped = true;
      return;
    }
    this.diagnostics.push(errorAt(span, message));
  }

  /** Records an error at the current token and unwinds to the enclosing item. A lexer error token wins. */
  fail(message: string): never {
    const index = this.pos;
    if (this.kinds[index] === TokenKind.Error && !(this.buffer === this.main && this.reported.has(index))) {
      this.reportLexError(index);
    } else {
      this.report(index, message);
    }
    throw abort;
  }

  /** Fails with `Expected <what>, found <current token>`. */
  failExpected(what: string): never {
    return this.fail(expected(what, describeToken(this.kind(), this.text())));
  }

  private reportLexError(index: number): void {
    if (this.buffer === this.main) this.reported.add(index);
    this.report(index, this.buffer.texts[index]);
  }

  /** Enters one level of expression/type/pattern nesting, failing past the limit (keeps the JS stack bounded). */
  enter(): void {
    if (++this.nesting > maxNesting) this.fail(nestedTooDeeply);
  }

  leave(): void {
    this.nesting--;
  }

  /**
   * Skips to the next top-level line (a token at column 1 right after a line end), reporting lexer errors on the
   * way. Always moves past `from` so recovery cannot loop.
   */
  synchronize(from: number): void {
    this.nesting = 0;
    const { kinds, buffer } = this;
    const last = buffer.length - 1;
    let pos = this.pos > from ? this.pos : from + 1;
    while (pos < last) {
      const kind = kinds[pos];
      if (kind === TokenKind.Error) {
        if (!this.reported.has(pos)) this.reportLexError(pos);
      } else if (kind < TokenKind.Newline && buffer.columns[pos] === 1) {
        const previous = kinds[pos - 1];
        if (previous === TokenKind.Newline || previous === TokenKind.Dedent) break;
      }
      pos++;
    }
    this.pos = this.stopped || pos > last ? last : pos;
  }
}
