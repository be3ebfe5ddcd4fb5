import {
  intOutOfRange,
  interpolationTooDeep,
  invalidIndentation,
  tabIndentation,
  unexpectedCharacter,
  unterminatedInterpolation,
  unterminatedString,
} from './messages.js';
import { type InterpTokenPart, keywords, type Token, TokenBuffer, TokenKind } from './token.js';

/** How deeply string interpolations may nest (`"{f("{g("{x}")}")}"` is depth 3). */
const maxInterpolationDepth = 32;

const i64Max = '9223372036854775807';

enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Colon = 58,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  Question = 63,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  LBrace = 123,
  RBrace = 125,
  ByteOrderMark = 0xfeff,
}

/** 1 for ASCII letters and `_`, 2 for digits (identifier continuation only). */
const asciiIdent = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) asciiIdent[c] = 1;
  else if (c >= Char.Digit0 && c <= Char.Digit9) asciiIdent[c] = 2;
}

/** Rust `char::is_alphabetic` (plus `_`) and `char::is_alphanumeric` (plus `_`). */
const identStart = /^[\p{Alphabetic}_]$/u;
const identPart = /^[\p{Alphabetic}\p{N}_]$/u;

const itemKeywords = new Set(['fn', 'type', 'record', 'verify', 'decision', 'module']);

/**
 * Turns Aver source into tokens, including the layout tokens `Newline`, `Indent` and `Dedent` (language
 * reference: "Source text and comments" to "Tokens"). Layout tokens are dropped while a bracket is open,
 * except for the arms of a `match` written inside brackets (see `Island`); a line at column 0 that starts a top-level
 * item closes any brackets left open, so one missing `)` cannot swallow the rest of the file. The lexer never fails:
 * problems become `Error` tokens carrying their message, and the tokens always end with `Eof`.
 *
 * @param text - The whole source file.
 * @returns The tokens in source order, in the compact form the parser reads.
 */
export function tokenize(text: string): TokenBuffer {
  return new Lexer(text).run();
}

/**
 * Like `tokenize`, but returns token objects (for tools and tests; the parser reads `tokenize`'s buffer).
 *
 * @param text - The whole source file.
 * @returns The tokens in source order, ending with `Eof`.
 */
export function lex(text: string): Token[] {
  return tokenize(text).toTokens();
}

/**
 * A `match` whose header line ends inside brackets (`f(a, match x` / arms on the next lines / `)`). The reference
 * lexer keeps layout tokens inside brackets, so its arms parse as usual; this lexer drops them there, so it lays
 * out the lines at the match's bracket depth again with their own indent stack, from the arms' indentation on.
 * The island closes (`Newline` and one `Dedent` per level) at a line indented less than the arms, at a closing
 * bracket that leaves its depth, or at a comma at its depth.
 */
interface Island {
  readonly depth: number;
  readonly indents: number[];
}

class Lexer {
  private readonly text: string;
  private readonly length: number;
  /** Whether the file has surrogate pairs, in which case columns (code points) differ from UTF-16 offsets. */
  private readonly hasAstral: boolean;
  private line = 1;
  private lineStart = 0;
  private bracketDepth = 0;
  private interpolationDepth = 0;
  private readonly indents: number[] = [0];
  /** Open `match` islands inside brackets, innermost last (their depths increase). */
  private readonly islands: Island[] = [];
  /** The bracket depth of the last `match` keyword on the current line (-1 if none). */
  private matchDepth = -1;
  /** Set at the end of a line that ends a `match` header inside brackets: the next line opens an island. */
  private islandDue = false;
  /** Buffers for the tokens of interpolated expressions, one per nesting depth (so each part stays contiguous). */
  private readonly interpolationBuffers: TokenBuffer[] = [];
  /** Where the `Newline` of the current logical line goes (just after its last token), or -1 if none is due. */
  private newlineOffset = -1;
  private newlineLine = 0;
  private newlineColumn = 0;
  private columnCacheOffset = 0;
  private columnCacheValue = 1;

  constructor(text: string) {
    this.text = text;
    this.length = text.length;
    this.hasAstral = /[\uD800-\uDBFF]/.test(text);
  }

  run(): TokenBuffer {
    const { text, length } = this;
    const out = new TokenBuffer(Math.ceil(length / 3) + 16);
    let pos = 0;
    while (pos < length) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) lineEnd = length;
      let first = pos;
      while (first < lineEnd && text.charCodeAt(first) === Char.Space) first++;
      const indent = first - pos;
      let content = first;
      while (content < lineEnd && isBlank(text.charCodeAt(content))) content++;
      const blank =
        content === lineEnd ||
        (text.charCodeAt(content) === Char.Slash && text.charCodeAt(content + 1) === Char.Slash);
      if (!blank) {
        if (this.bracketDepth > 0 && indent === 0 && this.startsItem(content, lineEnd)) {
          this.closeIslands(0, first, out);
          this.bracketDepth = 0;
          this.islandDue = false;
        }
        if (this.bracketDepth === 0) {
          this.flushNewline(out);
          this.layout(this.indents, 1, indent, first, out);
          if (text.charCodeAt(first) === Char.Tab) {
            this.push(out, TokenKind.Error, tabIndentation, first, first + 1);
          }
        } else if (this.islandDue) {
          this.flushNewline(out);
          this.islands.push({ depth: this.bracketDepth, indents: [indent] });
          out.push(TokenKind.Indent, '', first, first, this.line, this.column(first));
        } else if (
          this.islands.length > 0 &&
          this.islands[this.islands.length - 1].depth === this.bracketDepth
        ) {
          this.flushNewline(out);
          this.layout(this.islands[this.islands.length - 1].indents, 0, indent, first, out);
        }
        this.islandDue = false;
        this.matchDepth = -1;
        const before = out.length;
        this.scan(content, lineEnd, out);
        if (out.length > before) {
          const lastEnd = out.ends[out.length - 1];
          this.newlineOffset = lastEnd;
          this.newlineLine = this.line;
          this.newlineColumn = this.column(lastEnd);
        }
        const depth = this.bracketDepth;
        if (depth > 0 && this.matchDepth === depth) {
          const { islands } = this;
          this.islandDue = islands.length === 0 || islands[islands.length - 1].depth < depth;
        }
      }
      if (lineEnd >= length) break;
      pos = lineEnd + 1;
      this.line++;
      this.lineStart = pos;
      this.columnCacheOffset = pos;
      this.columnCacheValue = 1;
    }
    this.closeIslands(0, length, out);
    this.flushNewline(out);
    const eofColumn = this.column(length);
    while (this.indents.length > 1) {
      this.indents.pop();
      out.push(TokenKind.Dedent, '', length, length, this.line, eofColumn);
    }
    out.push(TokenKind.Eof, '', length, length, this.line, eofColumn);
    return out;
  }

  private flushNewline(out: TokenBuffer): void {
    if (this.newlineOffset < 0) return;
    const offset = this.newlineOffset;
    out.push(TokenKind.Newline, '', offset, offset, this.newlineLine, this.newlineColumn);
    this.newlineOffset = -1;
  }

  /**
   * Emits `Indent`/`Dedent` for a line whose indentation ends at `content` (language reference:
   * "Layout (indentation)"), against an indent stack: the file's (which never pops below its base level, `floor` 1)
   * or the innermost island's (`floor` 0: a line left of the island's first arm closes the island).
   */
  private layout(indents: number[], floor: number, indent: number, content: number, out: TokenBuffer): void {
    const top = indents[indents.length - 1];
    if (indent === top) return;
    const column = this.column(content);
    if (indent > top) {
      indents.push(indent);
      out.push(TokenKind.Indent, '', content, content, this.line, column);
      return;
    }
    while (indents.length > floor && indents[indents.length - 1] > indent) {
      indents.pop();
      out.push(TokenKind.Dedent, '', content, content, this.line, column);
    }
    if (indents.length === 0) this.islands.pop();
    else if (indents[indents.length - 1] !== indent) {
      out.push(TokenKind.Error, invalidIndentation, content, content, this.line, column);
    }
  }

  /**
   * Closes the islands deeper than bracket depth `depth` before the token at `offset`: the line of the last arm
   * ends there (a `Newline` unless one is already due), then one `Dedent` per open level.
   */
  private closeIslands(depth: number, offset: number, out: TokenBuffer): void {
    const { islands } = this;
    if (islands.length === 0 || islands[islands.length - 1].depth <= depth) return;
    const last = out.length - 1;
    const lastKind = out.kinds[last];
    if (lastKind !== TokenKind.Newline && lastKind !== TokenKind.Dedent) {
      const end = out.ends[last];
      const column = out.columns[last] + (end - out.starts[last]);
      out.push(TokenKind.Newline, '', end, end, out.lines[last], column);
    }
    this.newlineOffset = -1;
    const column = this.column(offset);
    while (islands.length > 0 && islands[islands.length - 1].depth > depth) {
      const island = islands.pop()!;
      for (let level = 0; level < island.indents.length; level++) {
        out.push(TokenKind.Dedent, '', offset, offset, this.line, column);
      }
    }
  }

  /** Whether the line content at `pos` begins with a keyword that starts a top-level item. */
  private startsItem(pos: number, end: number): boolean {
    let stop = pos;
    while (stop < end && asciiIdent[this.text.charCodeAt(stop)] === 1) stop++;
    return stop > pos && itemKeywords.has(this.text.slice(pos, stop));
  }

  /** The 1-based code-point column of an offset on the current line. */
  private column(offset: number): number {
    if (!this.hasAstral) return offset - this.lineStart + 1;
    let at = this.columnCacheOffset;
    let column = this.columnCacheValue;
    if (offset < at) {
      at = this.lineStart;
      column = 1;
    }
    const { text } = this;
    while (at < offset) {
      const c = text.charCodeAt(at);
      const next = text.charCodeAt(at + 1);
      // A surrogate pair is one code point; a lone surrogate counts as one on its own.
      at += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      column++;
    }
    this.columnCacheOffset = at;
    this.columnCacheValue = column;
    return column;
  }

  private push(out: TokenBuffer, kind: TokenKind, text: string, start: number, end: number): number {
    return out.push(kind, text, start, end, this.line, this.column(start));
  }

  /** Scans the tokens in `[from, to)`, which lies within one line. */
  private scan(from: number, to: number, out: TokenBuffer): void {
    const { text } = this;
    let pos = from;
    while (pos < to) {
      const c = text.charCodeAt(pos);
      if (c < 128 && asciiIdent[c] === 1) {
        pos = this.scanIdentifier(pos, to, out);
        continue;
      }
      switch (c) {
        case Char.Space:
        case Char.Tab:
        case Char.CarriageReturn:
          pos++;
          continue;
        case Char.Quote:
          pos = this.scanString(pos, to, out);
          continue;
        case Char.LParen:
        case Char.LBracket:
        case Char.LBrace:
          this.bracketDepth++;
          this.push(out, openKind(c), text[pos], pos, pos + 1);
          pos++;
          continue;
        case Char.RParen:
        case Char.RBracket:
        case Char.RBrace:
          if (this.bracketDepth > 0) this.bracketDepth--;
          if (this.islands.length > 0 && this.interpolationDepth === 0) {
            this.closeIslands(this.bracketDepth, pos, out);
          }
          this.push(out, closeKind(c), text[pos], pos, pos + 1);
          pos++;
          continue;
        case Char.Slash:
          if (text.charCodeAt(pos + 1) === Char.Slash) return;
          this.push(out, TokenKind.Slash, '/', pos, pos + 1);
          pos++;
          continue;
        case Char.Minus:
          pos = this.pair(pos, to, Char.Gt, TokenKind.Arrow, '->', TokenKind.Minus, '-', out);
          continue;
        case Char.Eq:
          if (text.charCodeAt(pos + 1) === Char.Gt && pos + 1 < to) {
            this.push(out, TokenKind.FatArrow, '=>', pos, pos + 2);
            pos += 2;
          } else pos = this.pair(pos, to, Char.Eq, TokenKind.EqEq, '==', TokenKind.Eq, '=', out);
          continue;
        case Char.Bang:
          pos = this.pair(pos, to, Char.Eq, TokenKind.NotEq, '!=', TokenKind.Bang, '!', out);
          continue;
        case Char.Lt:
          pos = this.pair(pos, to, Char.Eq, TokenKind.LtEq, '<=', TokenKind.Lt, '<', out);
          continue;
        case Char.Gt:
          pos = this.pair(pos, to, Char.Eq, TokenKind.GtEq, '>=', TokenKind.Gt, '>', out);
          continue;
        case Char.Dot:
          pos = this.pair(pos, to, Char.Dot, TokenKind.DotDot, '..', TokenKind.Dot, '.', out);
          continue;
        case Char.Question:
          this.push(out, TokenKind.Question, '?', pos, pos + 1);
          pos++;
          continue;
        case Char.Plus:
          this.push(out, TokenKind.Plus, '+', pos, pos + 1);
          pos++;
          continue;
        case Char.Star:
          this.push(out, TokenKind.Star, '*', pos, pos + 1);
          pos++;
          continue;
        case Char.Colon:
          this.push(out, TokenKind.Colon, ':', pos, pos + 1);
          pos++;
          continue;
        case Char.Comma:
          // A comma at an island's own depth separates the `match` from the next item: the match is over.
          if (this.islands.length > 0 && this.interpolationDepth === 0) {
            this.closeIslands(this.bracketDepth - 1, pos, out);
          }
          this.push(out, TokenKind.Comma, ',', pos, pos + 1);
          pos++;
          continue;
        default:
          if (c >= Char.Digit0 && c <= Char.Digit9) {
            pos = this.scanNumber(pos, to, out);
            continue;
          }
          if (c === Char.ByteOrderMark) {
            pos++;
            continue;
          }
          pos = this.scanOther(pos, to, out);
      }
    }
  }

  /** A one- or two-character operator: `second` after the first character selects the two-character form. */
  private pair(
    pos: number,
    to: number,
    second: number,
    longKind: TokenKind,
    longText: string,
    shortKind: TokenKind,
    shortText: string,
    out: TokenBuffer,
  ): number {
    if (pos + 1 < to && this.text.charCodeAt(pos + 1) === second) {
      this.push(out, longKind, longText, pos, pos + 2);
      return pos + 2;
    }
    this.push(out, shortKind, shortText, pos, pos + 1);
    return pos + 1;
  }

  private scanIdentifier(start: number, to: number, out: TokenBuffer): number {
    const { text } = this;
    let pos = start + 1;
    while (pos < to) {
      const c = text.charCodeAt(pos);
      if (c < 128) {
        if (asciiIdent[c] === 0) break;
        pos++;
      } else {
        const width = unicodeIdentWidth(text, pos, to, identPart);
        if (width === 0) break;
        pos += width;
      }
    }
    const word = text.slice(start, pos);
    const kind = keywords.get(word) ?? TokenKind.Ident;
    if (kind === TokenKind.Match && this.interpolationDepth === 0) this.matchDepth = this.bracketDepth;
    this.push(out, kind, word, start, pos);
    return pos;
  }

  private scanNumber(start: number, to: number, out: TokenBuffer): number {
    const { text } = this;
    let pos = start + 1;
    while (pos < to && isDigit(text.charCodeAt(pos))) pos++;
    if (pos + 1 < to && text.charCodeAt(pos) === Char.Dot && isDigit(text.charCodeAt(pos + 1))) {
      pos += 2;
      while (pos < to && isDigit(text.charCodeAt(pos))) pos++;
      const digits = text.slice(start, pos);
      this.push(out, TokenKind.Float, digits, start, pos);
      return pos;
    }
    const digits = text.slice(start, pos);
    if (digits.length >= i64Max.length) {
      const significant = digits.replace(/^0+(?=\d)/, '');
      if (
        significant.length > i64Max.length ||
        (significant.length === i64Max.length && significant > i64Max)
      ) {
        this.push(out, TokenKind.Error, intOutOfRange(digits), start, pos);
        return pos;
      }
    }
    this.push(out, TokenKind.Int, digits, start, pos);
    return pos;
  }

  /** A non-ASCII identifier start, or an unexpected character. */
  private scanOther(pos: number, to: number, out: TokenBuffer): number {
    const { text } = this;
    if (text.charCodeAt(pos) >= 128 && unicodeIdentWidth(text, pos, to, identStart) > 0) {
      return this.scanIdentifier(pos, to, out);
    }
    const character = String.fromCodePoint(text.codePointAt(pos) ?? 0xfffd);
    const end = Math.min(pos + character.length, to);
    this.push(out, TokenKind.Error, unexpectedCharacter(character), pos, end);
    return end;
  }

  /**
   * A string literal starting at the quote at `start` (language reference: "Tokens"): escapes, `{{`/`}}`, and
   * `{expr}` parts whose inner text is lexed in place (so its tokens carry their real positions).
   */
  private scanString(start: number, to: number, out: TokenBuffer): number {
    const { text } = this;
    let pos = start + 1;
    let value = '';
    let segment = pos;
    let parts: InterpTokenPart[] | null = null;
    while (true) {
      if (pos >= to) {
        this.push(out, TokenKind.Error, unterminatedString, start, to);
        return to;
      }
      const c = text.charCodeAt(pos);
      if (c === Char.Quote) break;
      if (c === Char.Backslash) {
        if (pos + 1 >= to) {
          this.push(out, TokenKind.Error, unterminatedString, start, to);
          return to;
        }
        value += text.slice(segment, pos) + escapeValue(text, pos + 1);
        pos += text.codePointAt(pos + 1)! > 0xffff ? 3 : 2;
        segment = pos;
        continue;
      }
      if (c === Char.LBrace) {
        if (text.charCodeAt(pos + 1) === Char.LBrace && pos + 1 < to) {
          value += text.slice(segment, pos + 1);
          pos += 2;
          segment = pos;
          continue;
        }
        const close = findInterpolationEnd(text, pos + 1, to);
        if (close < 0) {
          this.push(out, TokenKind.Error, unterminatedInterpolation, start, to);
          return to;
        }
        value += text.slice(segment, pos);
        if (!isBlankRange(text, pos + 1, close)) {
          if (parts === null) parts = [];
          if (value !== '') parts.push({ kind: 'text', value });
          value = '';
          const inner = this.lexInterpolation(pos + 1, close);
          parts.push({ kind: 'code', tokens: inner.tokens, first: inner.first, start: pos + 1, end: close });
        }
        pos = close + 1;
        segment = pos;
        continue;
      }
      if (c === Char.RBrace && text.charCodeAt(pos + 1) === Char.RBrace && pos + 1 < to) {
        value += text.slice(segment, pos + 1);
        pos += 2;
        segment = pos;
        continue;
      }
      pos++;
    }
    value += text.slice(segment, pos);
    const end = pos + 1;
    if (parts === null) {
      this.push(out, TokenKind.Str, value, start, end);
    } else {
      if (value !== '') parts.push({ kind: 'text', value });
      out.parts.set(this.push(out, TokenKind.Interp, interpolationText(text, parts), start, end), parts);
    }
    return end;
  }

  /**
   * Lexes the inner text of `{…}` in `[from, to)` into the buffer of the current interpolation depth, followed by
   * an `Eof` (spelled `}`) at the closing brace.
   */
  private lexInterpolation(from: number, to: number): { tokens: TokenBuffer; first: number } {
    const depth = this.interpolationDepth;
    let buffer = this.interpolationBuffers[depth];
    if (buffer === undefined) this.interpolationBuffers[depth] = buffer = new TokenBuffer(64);
    const first = buffer.length;
    if (depth >= maxInterpolationDepth) {
      this.push(buffer, TokenKind.Error, interpolationTooDeep, from, to);
    } else {
      const savedDepth = this.bracketDepth;
      this.bracketDepth = 0;
      this.interpolationDepth++;
      this.scan(from, to, buffer);
      this.interpolationDepth--;
      this.bracketDepth = savedDepth;
    }
    this.push(buffer, TokenKind.Eof, '}', to, to);
    return { tokens: buffer, first };
  }
}

function isDigit(c: number): boolean {
  return c >= Char.Digit0 && c <= Char.Digit9;
}

/** Whitespace inside a line: space, tab, a carriage return (of `\r\n`) and a byte-order mark. */
function isBlank(c: number): boolean {
  return c === Char.Space || c === Char.Tab || c === Char.CarriageReturn || c === Char.ByteOrderMark;
}

function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function openKind(c: number): TokenKind {
  return c === Char.LParen ? TokenKind.LParen : c === Char.LBracket ? TokenKind.LBracket : TokenKind.LBrace;
}

function closeKind(c: number): TokenKind {
  return c === Char.RParen ? TokenKind.RParen : c === Char.RBracket ? TokenKind.RBracket : TokenKind.RBrace;
}

/** The UTF-16 width of the code point at `pos` if it matches `pattern` and lies before `to`, else 0. */
function unicodeIdentWidth(text: string, pos: number, to: number, pattern: RegExp): number {
  const codePoint = text.codePointAt(pos)!;
  const width = codePoint > 0xffff ? 2 : 1;
  if (pos + width > to) return 0;
  return pattern.test(String.fromCodePoint(codePoint)) ? width : 0;
}

/**
 * The value of the escape whose letter is at `pos`:
 * `\n \t \r \b \f \" \\`, any other `\c` is `c` (language reference: "Tokens").
 */
function escapeValue(text: string, pos: number): string {
  switch (text.charCodeAt(pos)) {
    case 110:
      return '\n';
    case 116:
      return '\t';
    case 114:
      return '\r';
    case 98:
      return '\b';
    case 102:
      return '\f';
    default:
      return String.fromCodePoint(text.codePointAt(pos)!);
  }
}

/** The offset of the `}` that closes an interpolation opened just before `from`, or -1 (counts only braces). */
function findInterpolationEnd(text: string, from: number, to: number): number {
  let depth = 1;
  for (let pos = from; pos < to; pos++) {
    const c = text.charCodeAt(pos);
    if (c === Char.LBrace) depth++;
    else if (c === Char.RBrace && --depth === 0) return pos;
  }
  return -1;
}

/** The literal text of an interpolated string with each expression written back as `{source}`. */
function interpolationText(text: string, parts: readonly InterpTokenPart[]): string {
  let result = '';
  for (const part of parts)
    result += part.kind === 'text' ? part.value : `{${text.slice(part.start, part.end)}}`;
  return result;
}
