import type { Item, ModuleDecl, SourceFile } from './ast.js';
import { type Diagnostic, errorAt } from './diagnostics.js';
import { lex } from './lexer.js';
import { duplicateModule, moduleNotFirst, nestedTooDeeply } from './messages.js';
import { Cursor, ParseAbort } from './parser/cursor.js';
import { parseItem } from './parser/items.js';
import { type Token, TokenKind } from './token.js';

/** A parsed file and every lexer and parser diagnostic found in it. */
export interface ParseResult {
  readonly file: SourceFile;
  readonly diagnostics: Diagnostic[];
}

/**
 * Lexes and parses one Aver source file (reference §1). Never throws: syntax errors become diagnostics, the parser
 * skips to the next top-level item after each one, and the items that parsed are kept.
 *
 * @param text - The source text.
 * @param path - The file path recorded in every span.
 * @returns The syntax tree and the diagnostics (empty when the file is well-formed).
 */
export function parseSource(text: string, path: string): ParseResult {
  return parseTokens(lex(text), text, path);
}

/**
 * Parses tokens produced by `lex` from `text`.
 *
 * @param tokens - The tokens of `text`; the parser may rewrite entries in place (e.g. split `>=` after a type).
 * @param text - The source text the tokens came from.
 * @param path - The file path recorded in every span.
 * @returns The syntax tree and the diagnostics.
 */
export function parseTokens(tokens: Token[], text: string, path: string): ParseResult {
  const p = new Cursor(tokens, path);
  const items: Item[] = [];
  let module: ModuleDecl | null = null;
  try {
    while (!p.check(TokenKind.Eof) && !p.stopped) {
      const start = p.pos;
      const kind = p.peek().kind;
      if (kind === TokenKind.Newline || kind === TokenKind.Dedent) {
        p.advance();
        continue;
      }
      try {
        const item = parseItem(p);
        if (item.kind === 'Module') {
          if (module !== null) p.report(tokens[start], duplicateModule);
          else if (items.length > 0) p.report(tokens[start], moduleNotFirst);
          module ??= item;
        }
        items.push(item);
      } catch (error) {
        if (!(error instanceof ParseAbort)) throw error;
        p.synchronize(start);
      }
    }
  } catch (error) {
    // The nesting limits keep recursion far below the JS stack size; this only guards exotic hosts with tiny stacks.
    if (!(error instanceof RangeError)) throw error;
    p.diagnostics.push(errorAt(p.spanOf(p.peek()), nestedTooDeeply));
  }
  return { file: { path, text, module, items, eras: p.eras }, diagnostics: p.diagnostics };
}
