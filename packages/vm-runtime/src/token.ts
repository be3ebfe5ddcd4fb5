/**
 * Tokens of the Aver lexer (language reference §1.3). Kinds are small integers so the parser compares numbers;
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
      /** The tokens of the embedded expression, positioned in the original file, ending with `Eof`. */
      readonly tokens: readonly Token[];
      /** Offset of the inner text (just after `{`). */
      readonly start: number;
      /** Offset of the closing `}`. */
      readonly end: number;
    };

/** A token. Positions are UTF-16 offsets plus a 1-based line and a 1-based code-point column. */
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
  readonly parts: readonly InterpTokenPart[] | null;
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
export function describeToken(token: Token): string {
  switch (token.kind) {
    case TokenKind.Int:
    case TokenKind.Float:
    case TokenKind.Ident:
      return `'${token.text}'`;
    case TokenKind.Str:
    case TokenKind.Interp:
      return 'string literal';
    default:
      return tokenKindName(token.kind);
  }
}
