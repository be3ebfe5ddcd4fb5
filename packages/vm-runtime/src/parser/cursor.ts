import type { Span, SyntaxEra } from '../ast.js';
import { type Diagnostic, errorAt } from '../diagnostics.js';
import { expected, nestedTooDeeply, tooManyErrors } from '../messages.js';
import { describeToken, type Token, TokenKind } from '../token.js';

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
 * The parser's state: the token list, the position in it, and the diagnostics collected so far. The `parseX`
 * functions of `src/parser/*` take it as their first argument.
 */
export class Cursor {
  /** The tokens being parsed (the file's, or an interpolation's while its expression is parsed). */
  tokens: Token[];
  pos = 0;
  /** End offset of the last consumed non-layout token, for closing spans. */
  lastEnd = 0;
  nesting = 0;
  readonly diagnostics: Diagnostic[] = [];
  readonly eras = new Set<SyntaxEra>();
  /** Error tokens already reported, so skipping over them during recovery does not report them twice. */
  private readonly reported = new Set<Token>();
  /** Set once `maxErrors` is reached; recovery then skips to the end of the file. */
  stopped = false;

  constructor(
    tokens: Token[],
    readonly file: string,
  ) {
    this.tokens = tokens;
  }

  peek(): Token {
    return this.tokens[this.pos];
  }

  /** The kind of the token `offset` positions ahead (`Eof` past the end). */
  kindAt(offset: number): TokenKind {
    const token = this.tokens[this.pos + offset];
    return token === undefined ? TokenKind.Eof : token.kind;
  }

  check(kind: TokenKind): boolean {
    return this.tokens[this.pos].kind === kind;
  }

  /** Consumes and returns the current token (`Eof` is never consumed). */
  advance(): Token {
    const token = this.tokens[this.pos];
    if (token.kind < TokenKind.Newline) {
      this.lastEnd = token.end;
      this.pos++;
    } else if (token.kind !== TokenKind.Eof) {
      this.pos++;
    }
    return token;
  }

  /** Consumes the current token if it has the given kind. */
  accept(kind: TokenKind): boolean {
    if (this.tokens[this.pos].kind !== kind) return false;
    this.advance();
    return true;
  }

  /** Consumes a token of the given kind, or fails with `Expected <what>, found …`. */
  expect(kind: TokenKind, what: string): Token {
    const token = this.tokens[this.pos];
    if (token.kind === kind) return this.advance();
    return this.failExpected(what);
  }

  /** The kind of the last consumed token, layout included. */
  previousKind(): TokenKind {
    return this.pos > 0 ? this.tokens[this.pos - 1].kind : TokenKind.Newline;
  }

  /**
   * Ends a logical line: consumes a `Newline`, or accepts that the line already ended with a nested block
   * (a `match` whose arms closed with a `Dedent`).
   */
  endLine(): void {
    const kind = this.tokens[this.pos].kind;
    if (kind === TokenKind.Newline) {
      this.pos++;
      return;
    }
    if (this.previousKind() === TokenKind.Dedent || kind === TokenKind.Eof) return;
    this.failExpected('end of line');
  }

  /** A span from `start` to the end of the last consumed token. */
  spanFrom(start: Token): Span {
    const end = this.lastEnd > start.start ? this.lastEnd : start.end;
    return { file: this.file, line: start.line, column: start.column, start: start.start, end };
  }

  /** The span of one token. */
  spanOf(token: Token): Span {
    return { file: this.file, line: token.line, column: token.column, start: token.start, end: token.end };
  }

  /** Records an error at a token without unwinding. */
  report(token: Token, message: string): void {
    if (this.stopped) return;
    if (this.diagnostics.length >= maxErrors) {
      this.diagnostics.push(errorAt(this.spanOf(token), tooManyErrors));
      this.stopped = true;
      return;
    }
    this.diagnostics.push(errorAt(this.spanOf(token), message));
  }

  /** Records an error at the current token and unwinds to the enclosing item. A lexer error token wins. */
  fail(message: string, token: Token = this.peek()): never {
    const current = this.peek();
    if (current.kind === TokenKind.Error && !this.reported.has(current)) this.reportLexError(current);
    else this.report(token, message);
    throw abort;
  }

  /** Fails with `Expected <what>, found <current token>`. */
  failExpected(what: string): never {
    return this.fail(expected(what, describeToken(this.peek())));
  }

  reportLexError(token: Token): void {
    this.reported.add(token);
    this.report(token, token.text);
  }

  /** Enters one level of expression/type/pattern nesting, failing past the limit (keeps the JS stack bounded). */
  enter(): void {
    if (++this.nesting > maxNesting) {
      this.nesting = 0;
      this.fail(nestedTooDeeply);
    }
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
    const { tokens } = this;
    let pos = this.pos > from ? this.pos : from + 1;
    while (pos < tokens.length - 1) {
      const token = tokens[pos];
      if (token.kind === TokenKind.Error && !this.reported.has(token)) this.reportLexError(token);
      else if (token.kind < TokenKind.Newline && token.column === 1) {
        const previous = tokens[pos - 1].kind;
        if (previous === TokenKind.Newline || previous === TokenKind.Dedent) break;
      }
      pos++;
    }
    if (this.stopped || pos > tokens.length - 1) pos = tokens.length - 1;
    this.pos = pos;
  }
}
