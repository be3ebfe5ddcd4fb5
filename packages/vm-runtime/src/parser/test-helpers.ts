import { expect } from 'vitest';
import type { Expr, Pattern, SourceFile, Stmt, TypeExpr } from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import { lex } from '../lexer.js';
import { parseSource } from '../parser.js';
import { type Token, TokenKind } from '../token.js';

/** Dedents a template literal so test programs can be indented with the test code; ends with a newline. */
export function source(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '')
    .split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.match(/^ */)![0].length);
  const indent = indents.length === 0 ? 0 : Math.min(...indents);
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

const kindNames = new Map<number, string>(Object.entries(TokenKind).map(([name, kind]) => [kind, name]));

/** The kind names of a source's tokens, e.g. `['Ident', 'Eq', 'Int', 'Newline', 'Eof']`. */
export function kindsOf(text: string): string[] {
  return lex(text).map((token) => kindNames.get(token.kind)!);
}

/** The tokens of a source, without the final `Eof`. */
export function tokensOf(text: string): Token[] {
  return lex(text).slice(0, -1);
}

/** `line:column message` for each diagnostic. */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`);
}

/** Parses a (dedented) program and asserts it has no diagnostics. */
export function parseClean(text: string): SourceFile {
  const { file, diagnostics } = parseSource(source(text), 'test.av');
  expect(diagnosticLines(diagnostics)).toEqual([]);
  return file;
}

/** The `line:column message` lines of parsing a (dedented) program. */
export function errorsOf(text: string): string[] {
  return diagnosticLines(parseSource(source(text), 'test.av').diagnostics);
}

/** Parses a single expression (as a top-level statement) and asserts there are no diagnostics. */
export function parseExpression(text: string): Expr {
  const { file, diagnostics } = parseSource(`${text}\n`, 'expr.av');
  expect(diagnosticLines(diagnostics)).toEqual([]);
  expect(file.items).toHaveLength(1);
  const item = file.items[0];
  if (item.kind !== 'TopLevelStmt' || item.stmt.kind !== 'ExprStmt')
    throw new Error(`not an expression: ${text}`);
  return item.stmt.expr;
}

/** The body statements of the only function in a (dedented) program without diagnostics. */
export function bodyOf(text: string): readonly Stmt[] {
  const file = parseClean(text);
  const fn = file.items.find((item) => item.kind === 'FnDecl');
  if (fn?.kind !== 'FnDecl') throw new Error('no function');
  return fn.body;
}

/** A compact s-expression of an expression, for asserting tree shapes (precedence, chains). */
export function show(expr: Expr): string {
  switch (expr.kind) {
    case 'IntLit':
      return String(expr.value);
    case 'FloatLit':
      return Number.isInteger(expr.value) ? `${expr.value}.0` : String(expr.value);
    case 'StringLit':
      return JSON.stringify(expr.value);
    case 'BoolLit':
      return String(expr.value);
    case 'UnitLit':
      return 'Unit';
    case 'Interp':
      return `(interp ${expr.parts.map((part) => (part.kind === 'Text' ? JSON.stringify(part.value) : show(part.expr))).join(' ')})`;
    case 'Ident':
      return expr.name;
    case 'Member':
      return expr.object.kind === 'Ident' || expr.object.kind === 'Member'
        ? `${show(expr.object)}.${expr.name}`
        : `(. ${show(expr.object)} ${expr.name})`;
    case 'Call': {
      const args = [...expr.args.map(show), ...expr.named.map((arg) => `${arg.name}=${show(arg.value)}`)];
      return `(${[show(expr.callee), ...args].join(' ')})`;
    }
    case 'Binary':
      return `(${expr.op} ${show(expr.left)} ${show(expr.right)})`;
    case 'Negate':
      return `(neg ${show(expr.operand)})`;
    case 'Tuple':
      return `(tuple ${expr.items.map(show).join(' ')})`;
    case 'List':
      return `[${expr.items.map(show).join(' ')}]`;
    case 'Map':
      return `{${expr.entries.map((entry) => `${show(entry.key)}=>${show(entry.value)}`).join(' ')}}`;
    case 'Match':
      return `(match ${show(expr.subject)} ${expr.arms.map((arm) => `[${showPattern(arm.pattern)} -> ${show(arm.body)}]`).join(' ')})`;
    case 'Try':
      return `(? ${show(expr.expr)})`;
    case 'Product':
      return `(${expr.unwrap ? '?!' : '!'} ${expr.items.map(show).join(' ')})`;
  }
}

/** A compact rendering of a pattern. */
export function showPattern(pattern: Pattern): string {
  switch (pattern.kind) {
    case 'WildcardPattern':
      return '_';
    case 'BindPattern':
      return pattern.name;
    case 'LiteralPattern':
      return show(pattern.literal);
    case 'NilPattern':
      return '[]';
    case 'ConsPattern':
      return `[${pattern.head} ..${pattern.tail}]`;
    case 'TuplePattern':
      return `(${pattern.items.map(showPattern).join(' ')})`;
    case 'ConstructorPattern':
      return pattern.binders === null
        ? pattern.path.join('.')
        : `${pattern.path.join('.')}(${pattern.binders.join(' ')})`;
  }
}

/** A compact rendering of a type expression. */
export function showType(type: TypeExpr): string {
  switch (type.kind) {
    case 'NamedType':
      return type.args.length === 0 ? type.name : `${type.name}<${type.args.map(showType).join(', ')}>`;
    case 'TupleType':
      return `${type.form}(${type.items.map(showType).join(', ')})`;
    case 'FnType': {
      const effects = type.effects.length === 0 ? '' : ` ! [${type.effects.map((e) => e.name).join(', ')}]`;
      return `Fn(${type.params.map(showType).join(', ')}) -> ${showType(type.ret)}${effects}`;
    }
  }
}

/** The 1-based line and code-point column of a UTF-16 offset (lines end at `\n`). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

/** Asserts that every diagnostic points into `text` and that its line and column match its offset. */
export function expectValidPositions(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const { span } of diagnostics) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect({ line: span.line, column: span.column }).toEqual(positionOf(text, span.start));
  }
}
