/**
 * Tokens of the Aver lexer (language reference: "Tokens"). Kinds are small integers so the parser compares numbers;
 * `tokenKindName` gives the spelling used in diagnostics.
 */

/** Every token kind. Layout kinds (`Newline` … `Eof`) come last so `kind >= TokenKind.Newline` tests for them. */
export const TokenKind = {
  Int: 0,
  Float: 1,
  /** A string literal without interpolation; `text` is the processed value. */
  Str: 2,
  /** A string literal with `{expr}` parts; see `Token.parts`. */
  Interp: 3,
  Ident: 4,
  // Keywords
  Module: 5,
  Depends: 6,
  Exposes: 7,
  Intent: 8,
  Type: 9,
  Record: 10,
  Fn: 11,
  Effects: 12,
  Decision: 13,
  Verify: 14,
  Match: 15,
  True: 16,
  False: 17,
  /** The literal `Unit`. */
  Unit: 18,
  // Operators and punctuation
  Arrow: 19,
  FatArrow: 20,
  EqEq: 21,
  NotEq: 22,
  LtEq: 23,
  GtEq: 24,
  Eq: 25,
  Bang: 26,
  Question: 27,
  Lt: 28,
  Gt: 29,
  Plus: 30,
  Minus: 31,
  Star: 32,
  Slash: 33,
  Dot: 34,
  DotDot: 35,
  Colon: 36,
  Comma: 37,
  LParen: 38,
  RParen: 39,
  LBracket: 40,
  RBracket: 41,
  LBrace: 42,
  RBrace: 43,
  /** A lexical error; `text` is the message. The parser reports it. */
  Error: 44,
  // Layout
  Newline: 45,
  Indent: 46,
  Dedent: 47,
  Eof: 48,
} as const;

export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** One piece of an interpolated string token. */
export type InterpTokenPart =
  | { readonly kind: 'text'; readonly value: string }
  | {
      readonly kind: 'code';
      /** The buffer holding the tokens of the embedded expression, positioned in the original file. */
      readonly tokens: TokenBuffer;
      /** Index of the expression's first token in `tokens`; an `Eof` token follows its last. */
      readonly first: number;
      /** Offset of the inner text (just after `{`). */
      readonly start: number;
      /** Offset of the closing `}`. */
      readonly end: number;
    };

/** One piece of an interpolated string in `Token` form. */
export type TokenPart =
  | { readonly kind: 'text'; readonly value: string }
  | {
      readonly kind: 'code';
      readonly tokens: readonly Token[];
      readonly start: number;
      readonly end: number;
    };

/** A token as an object (what `lex` returns). Positions are UTF-16 offsets, a 1-based line and code-point column. */
export interface Token {
  readonly kind: TokenKind;
  /**
   * Identifier, keyword or operator spelling; digits of a number; the processed value of a `Str`; for `Interp` the
   * literal text with each embedded expression written back as `{source}`; the message of an `Error` token.
   */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** `bigint` for `Int`, `number` for `Float`, otherwise `null`. */
  readonly value: bigint | number | null;
  /** The parts of an `Interp` token, otherwise `null`. */
  readonly parts: readonly TokenPart[] | null;
}

/**
 * Tokens in struct-of-arrays form, which is what the parser reads: one typed array per numeric field and one array
 * of texts. This keeps hundreds of thousands of tokens out of the garbage-collected heap.
 */
export class TokenBuffer {
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  columns: Int32Array;
  /** Per token: see `Token.text`. */
  readonly texts: string[] = [];
  /** The parts of each `Interp` token, by token index. */
  readonly parts = new Map<number, readonly InterpTokenPart[]>();
  length = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.kinds = new Uint8Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.lines = new Int32Array(size);
    this.columns = new Int32Array(size);
  }

  /** Appends a token and returns its index. */
  push(kind: TokenKind, text: string, start: number, end: number, line: number, column: number): number {
    const index = this.length;
    if (index === this.kinds.length) this.grow();
    this.kinds[index] = kind;
    this.starts[index] = start;
    this.ends[index] = end;
    this.lines[index] = line;
    this.columns[index] = column;
    this.texts.push(text);
    this.length = index + 1;
    return index;
  }

  /** The token at `index` as an object, with interpolation parts converted recursively. */
  token(index: number): Token {
    const kind = this.kinds[index] as TokenKind;
    const text = this.texts[index];
    const parts = this.parts.get(index);
    return {
      kind,
      text,
      start: this.starts[index],
      end: this.ends[index],
      line: this.lines[index],
      column: this.columns[index],
      value: kind === TokenKind.Int ? BigInt(text) : kind === TokenKind.Float ? Number(text) : null,
      parts: parts === undefined ? null : parts.map(toTokenPart),
    };
  }

  /** The tokens from `first` through the next `Eof`, as objects. */
  toTokens(first = 0): Token[] {
    const tokens: Token[] = [];
    for (let index = first; index < this.length; index++) {
      tokens.push(this.token(index));
      if (this.kinds[index] === TokenKind.Eof) break;
    }
    return tokens;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
    this.starts = resized(this.starts, size);
    this.ends = resized(this.ends, size);
    this.lines = resized(this.lines, size);
    this.columns = resized(this.columns, size);
  }
}

function resized(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

function toTokenPart(part: InterpTokenPart): TokenPart {
  return part.kind === 'text'
    ? part
    : { kind: 'code', tokens: part.tokens.toTokens(part.first), start: part.start, end: part.end };
}

/** Reserved words (v0.15+). Contextual words such as `law`, `given` or `opaque` are plain identifiers. */
export const keywords: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['module', TokenKind.Module],
  ['depends', TokenKind.Depends],
  ['exposes', TokenKind.Exposes],
  ['intent', TokenKind.Intent],
  ['type', TokenKind.Type],
  ['record', TokenKind.Record],
  ['fn', TokenKind.Fn],
  ['effects', TokenKind.Effects],
  ['decision', TokenKind.Decision],
  ['verify', TokenKind.Verify],
  ['match', TokenKind.Match],
  ['true', TokenKind.True],
  ['false', TokenKind.False],
  ['Unit', TokenKind.Unit],
]);

const kindSpellings: readonly string[] = [
  'integer',
  'float',
  'string',
  'string',
  'identifier',
  'module',
  'depends',
  'exposes',
  'intent',
  'type',
  'record',
  'fn',
  'effects',
  'decision',
  'verify',
  'match',
  'true',
  'false',
  'Unit',
  '->',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '=',
  '!',
  '?',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '.',
  '..',
  ':',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  'invalid token',
  'end of line',
  'indented block',
  'end of block',
  'end of file',
];

/** The spelling of a token kind: `'->'` for punctuation and keywords, a description for the rest. */
export function tokenKindName(kind: TokenKind): string {
  const spelling = kindSpellings[kind];
  return kind >= TokenKind.Module && kind <= TokenKind.RBrace ? `'${spelling}'` : spelling;
}

/** How a found token is named in `Expected …, found …` messages. */
export function describeToken(kind: TokenKind, text: string): string {
  switch (kind) {
    case TokenKind.Int:
    case TokenKind.Float:
    case TokenKind.Ident:
      return `'${text}'`;
    case TokenKind.Str:
    case TokenKind.Interp:
      return 'string literal';
    case TokenKind.Eof:
      // The end of an interpolation's tokens is its closing brace.
      return text === '}' ? "'}'" : 'end of file';
    default:
      return tokenKindName(kind);
  }
}
