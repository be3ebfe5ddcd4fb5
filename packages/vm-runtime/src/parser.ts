import type { Item, ModuleDecl, SourceFile } from './ast.js';
import { type Diagnostic, errorAt } from './diagnostics.js';
import { tokenize } from './lexer.js';
import { duplicateModule, moduleNotFirst, nestedTooDeeply } from './messages.js';
import { Cursor, ParseAbort } from './parser/cursor.js';
import { parseItem } from './parser/items.js';
import { type TokenBuffer, TokenKind } from './token.js';

/** A parsed file and every lexer and parser diagnostic found in it. */
export interface ParseResult {
  readonly file: SourceFile;
  readonly diagnostics: Diagnostic[];
}

/**
 * Lexes and parses one Aver source file (language reference: "Lexical structure and grammar"). Never throws: syntax
 * errors become diagnostics, the parser skips to the next top-level item after each one, and the items that parsed
 * are kept.
 *
 * @param text - The source text.
 * @param path - The file path recorded in every span.
 * @returns The syntax tree and the diagnostics (empty when the file is well-formed).
 */
export function parseSource(text: string, path: string): ParseResult {
  return parseTokens(tokenize(text), text, path);
}

/**
 * Parses the tokens `tokenize` produced from `text`.
 *
 * @param tokens - The tokens of `text`; the parser may rewrite entries in place (it splits `>=` after a type).
 * @param text - The source text the tokens came from.
 * @param path - The file path recorded in every span.
 * @returns The syntax tree and the diagnostics.
 */
export function parseTokens(tokens: TokenBuffer, text: string, path: string): ParseResult {
  const p = new Cursor(tokens, path);
  const items: Item[] = [];
  let module: ModuleDecl | null = null;
  try {
    while (!p.check(TokenKind.Eof) && !p.stopped) {
      const start = p.pos;
      const kind = p.kind();
      if (kind === TokenKind.Newline || kind === TokenKind.Dedent) {
        p.advance();
        continue;
      }
      try {
        const item = parseItem(p);
        if (item.kind === 'Module') {
          if (module !== null) p.report(start, duplicateModule);
          else if (items.length > 0) p.report(start, moduleNotFirst);
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
    p.diagnostics.push(errorAt(p.spanOf(p.pos), nestedTooDeeply));
  }
  return { file: { path, text, module, items, eras: p.eras }, diagnostics: p.diagnostics };
}
