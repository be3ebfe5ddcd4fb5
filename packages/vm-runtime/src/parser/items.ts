import type {
  DecisionBlock,
  DecisionValue,
  EffectRef,
  FieldDecl,
  FnDecl,
  Item,
  ModuleDecl,
  Param,
  RecordDecl,
  Span,
  Stmt,
  TypeDecl,
  TypeExpr,
  VariantDecl,
} from '../ast.js';
import {
  emptyFunctionBody,
  expectedDecisionField,
  expectedDecisionString,
  unknownDecisionField,
} from '../messages.js';
import { TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';
import { parseStmt, parseStringBlock } from './statements.js';
import { parseEffectList, parseQualifiedName, parseType } from './types.js';
import { parseVerifyBlock } from './verify-block.js';

/** item := moduleDecl | fnDef | verifyBlock | decisionBlock | typeDef | recordDef | topStmt */
export function parseItem(p: Cursor): Item {
  const start = p.pos;
  switch (p.kind()) {
    case TokenKind.Module:
      return parseModuleDecl(p, start);
    case TokenKind.Fn:
      return parseFnDecl(p, start);
    case TokenKind.Type:
      return parseTypeDecl(p, start);
    case TokenKind.Record:
      return parseRecordDecl(p, start);
    case TokenKind.Verify:
      return parseVerifyBlock(p, start);
    case TokenKind.Decision:
      return parseDecisionBlock(p, start);
    case TokenKind.Indent:
      return p.failExpected('a top-level item');
    default: {
      const stmt = parseStmt(p);
      p.endLine();
      return { kind: 'TopLevelStmt', stmt, span: stmt.span };
    }
  }
}

/** Starts an indented block after a header line: consumes `NEWLINE INDENT` or fails naming what was expected. */
function openBlock(p: Cursor, endOfHeader: string, content: string): void {
  p.expect(TokenKind.Newline, endOfHeader);
  p.expect(TokenKind.Indent, content);
}

/** Whether the current block has more lines. */
function inBlock(p: Cursor): boolean {
  const kind = p.kind();
  return kind !== TokenKind.Dedent && kind !== TokenKind.Eof;
}

/**
 * moduleDecl := "module" UName NEWLINE [ INDENT { modLine NEWLINE } DEDENT ]
 * modLine := "intent" "=" strBlock | "depends" "[" qname,* "]" | "exposes" ["opaque"] "[" name,* "]"
 *          | "effects" "[" effName,* "]"
 */
function parseModuleDecl(p: Cursor, start: number): ModuleDecl {
  p.advance();
  const name = parseQualifiedName(p, 'a module name');
  const header = p.spanFrom(start);
  let intent: string | null = null;
  const depends: { path: string[]; span: Span }[] = [];
  let exposes: { name: string; span: Span }[] | null = null;
  const exposesOpaque: { name: string; span: Span }[] = [];
  let effects: EffectRef[] | null = null;
  p.endLine();
  if (p.accept(TokenKind.Indent)) {
    while (inBlock(p)) {
      switch (p.kind()) {
        case TokenKind.Intent: {
          p.advance();
          p.expect(TokenKind.Eq, "'='");
          const text = parseStringBlock(p);
          intent = intent === null ? text : `${intent} ${text}`;
          break;
        }
        case TokenKind.Depends:
          p.advance();
          parseBracketed(p, 'a module path', () => {
            const entry = p.pos;
            const path = parseQualifiedName(p, 'a module path').split('.');
            depends.push({ path, span: p.spanFrom(entry) });
          });
          break;
        case TokenKind.Exposes: {
          p.advance();
          const opaque =
            p.check(TokenKind.Ident) && p.text() === 'opaque' && p.kindAt(1) === TokenKind.LBracket;
          if (opaque) p.advance();
          const target = opaque ? exposesOpaque : (exposes ??= []);
          parseBracketed(p, 'a name', () => {
            const entry = p.expect(TokenKind.Ident, "a name or ']'");
            target.push({ name: p.text(entry), span: p.spanOf(entry) });
          });
          break;
        }
        case TokenKind.Effects:
          p.advance();
          effects = [...(effects ?? []), ...parseEffectList(p)];
          break;
        default:
          p.failExpected('a module header line (intent, depends, exposes or effects)');
      }
      p.endLine();
    }
    p.accept(TokenKind.Dedent);
  }
  return { kind: 'Module', name, intent, depends, exposes, exposesOpaque, effects, span: header };
}

/** `[ item, … ]` with optional, repeatable commas; `parseEntry` parses one item. */
function parseBracketed(p: Cursor, what: string, parseEntry: () => void): void {
  p.expect(TokenKind.LBracket, "'['");
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RBracket)) return;
    if (!p.check(TokenKind.Ident)) p.failExpected(`${what} or ']'`);
    parseEntry();
  }
}

/** typeDef := "type" UName NEWLINE INDENT { UName [ "(" type,+ ")" ] NEWLINE } DEDENT */
function parseTypeDecl(p: Cursor, start: number): TypeDecl {
  p.advance();
  const name = p.text(p.expect(TokenKind.Ident, 'a type name'));
  const header = p.spanFrom(start);
  openBlock(p, 'end of line', 'indented variants');
  const variants: VariantDecl[] = [];
  while (inBlock(p)) {
    const variantStart = p.expect(TokenKind.Ident, 'a variant name');
    const fields: TypeExpr[] = [];
    if (p.accept(TokenKind.LParen)) {
      while (true) {
        while (p.accept(TokenKind.Comma)) {}
        if (p.accept(TokenKind.RParen)) break;
        fields.push(parseType(p));
        if (!p.check(TokenKind.Comma) && !p.check(TokenKind.RParen)) p.failExpected("',' or ')'");
      }
    }
    variants.push({ name: p.text(variantStart), fields, span: p.spanFrom(variantStart) });
    p.endLine();
  }
  p.accept(TokenKind.Dedent);
  return { kind: 'TypeDecl', name, variants, span: header };
}

/** recordDef := "record" UName NEWLINE INDENT { lname ":" type NEWLINE } DEDENT */
function parseRecordDecl(p: Cursor, start: number): RecordDecl {
  p.advance();
  const name = p.text(p.expect(TokenKind.Ident, 'a record name'));
  const header = p.spanFrom(start);
  openBlock(p, 'end of line', 'indented fields');
  const fields: FieldDecl[] = [];
  while (inBlock(p)) {
    const fieldStart = p.expect(TokenKind.Ident, 'a field name');
    p.expect(TokenKind.Colon, "':'");
    const type = parseType(p);
    fields.push({ name: p.text(fieldStart), type, span: p.spanFrom(fieldStart) });
    p.endLine();
  }
  p.accept(TokenKind.Dedent);
  return { kind: 'RecordDecl', name, fields, span: header };
}

/**
 * fnDef := "fn" lname "(" [ param,+ ] ")" [ "->" type ] NEWLINE INDENT
 *          [ "?" strBlock NEWLINE ] [ "!" "[" effName,* "]" NEWLINE ] { stmt NEWLINE } DEDENT
 * (the `?` and `!` lines may also come in the other order, or more than once).
 */
function parseFnDecl(p: Cursor, start: number): FnDecl {
  p.advance();
  const nameToken = p.expect(TokenKind.Ident, 'a function name');
  p.expect(TokenKind.LParen, "'('");
  const params: Param[] = [];
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RParen)) break;
    const paramStart = p.expect(TokenKind.Ident, "a parameter name or ')'");
    p.expect(TokenKind.Colon, "':' and the parameter type");
    const type = parseType(p);
    params.push({ name: p.text(paramStart), type, span: p.spanFrom(paramStart) });
    if (!p.check(TokenKind.Comma) && !p.check(TokenKind.RParen)) p.failExpected("',' or ')'");
  }
  const returnType = p.accept(TokenKind.Arrow) ? parseType(p) : null;
  openBlock(p, returnType === null ? "'->' or end of line" : 'end of line', 'an indented function body');
  // The reference writes `?` then `!`, once each; either order and repeated lines are accepted (a superset):
  // descriptions join with a space, effect lists concatenate.
  let description: string | null = null;
  let effects: EffectRef[] = [];
  while (true) {
    if (p.check(TokenKind.Question)) {
      p.advance();
      const text = parseStringBlock(p);
      description = description === null ? text : `${description} ${text}`;
    } else if (p.check(TokenKind.Bang)) {
      const list = parseEffectList(p);
      effects = effects.length === 0 ? list : [...effects, ...list];
    } else break;
    p.endLine();
  }
  const body: Stmt[] = [];
  while (inBlock(p)) {
    body.push(parseStmt(p));
    p.endLine();
  }
  p.accept(TokenKind.Dedent);
  const name = p.text(nameToken);
  if (body.length === 0) p.report(nameToken, emptyFunctionBody(name));
  return {
    kind: 'FnDecl',
    name,
    params,
    returnType,
    description,
    effects,
    body,
    span: p.spanFrom(start),
    nameSpan: p.spanOf(nameToken),
  };
}

/**
 * The fields a decision block may have (Oracle addendum: "Two confirmations"), in the order the reference lists them.
 */
const DECISION_FIELDS = ['date', 'reason', 'chosen', 'rejected', 'impacts', 'author'];

/**
 * decision := "decision" UName NEWLINE INDENT { field "=" value } DEDENT
 *
 * As in the reference parser (Oracle addendum: "Two confirmations"), after each value the loop reads the next field
 * name: fields may share a line (`chosen = "A"    rejected = ["B"]`). `date` and `author` take a string, `reason` an
 * indented block of strings (an inline `reason = "x"` leaves the string where a field name must come), the others a
 * string, a list or a name.
 */
function parseDecisionBlock(p: Cursor, start: number): DecisionBlock {
  p.advance();
  const name = p.text(p.expect(TokenKind.Ident, 'a decision name'));
  const header = p.spanFrom(start);
  openBlock(p, 'end of line', 'indented decision fields');
  const fields: { key: string; value: DecisionValue; span: Span }[] = [];
  while (true) {
    while (p.accept(TokenKind.Newline)) {}
    if (!inBlock(p)) break;
    if (!p.check(TokenKind.Ident)) p.fail(expectedDecisionField);
    const key = p.text();
    if (!DECISION_FIELDS.includes(key)) p.fail(unknownDecisionField(key, DECISION_FIELDS));
    const keyToken = p.advance();
    p.expect(TokenKind.Eq, "'='");
    const value = parseDecisionValue(p, key);
    fields.push({ key, value, span: p.spanFrom(keyToken) });
  }
  p.accept(TokenKind.Dedent);
  return { kind: 'Decision', name, fields, span: header };
}

function parseDecisionValue(p: Cursor, key: string): DecisionValue {
  if (key === 'date' || key === 'author') {
    if (!p.check(TokenKind.Str)) p.fail(expectedDecisionString(key));
    return { kind: 'string', value: p.text(p.advance()) };
  }
  if (key === 'reason') {
    const block = p.check(TokenKind.Newline) && p.kindAt(1) === TokenKind.Indent;
    return { kind: 'string', value: block ? parseStringBlock(p) : '' };
  }
  switch (p.kind()) {
    case TokenKind.Str:
    case TokenKind.Interp:
      return { kind: 'string', value: p.text(p.advance()) };
    case TokenKind.Ident:
      return { kind: 'name', value: parseQualifiedName(p, 'a name') };
    case TokenKind.LBracket: {
      p.advance();
      const items: string[] = [];
      while (true) {
        while (p.accept(TokenKind.Comma)) {}
        if (p.accept(TokenKind.RBracket)) break;
        if (p.check(TokenKind.Str)) items.push(p.text(p.advance()));
        else if (p.check(TokenKind.Ident)) items.push(parseQualifiedName(p, 'a name'));
        else p.failExpected("a string, a name or ']'");
      }
      return { kind: 'list', items };
    }
    default:
      return p.failExpected('a string, a list or a name');
  }
}
