/**
 * Message texts of the Aver front end (lexer, parser, module loader), in one place. Texts quoted by the language
 * reference ("Lexical structure and grammar", "Checker errors worth reproducing") are reproduced
 * word for word; the rest follow the same `Expected X, found Y` phrasing.
 */

// Lexer ---------------------------------------------------------------------------------------------------------

/** A dedent to a column that is not on the indent stack (language reference: "Layout (indentation)"). */
export const invalidIndentation = 'Invalid indentation level';

/**
 * A line indented with a tab: only spaces count, so the line sits at column 0 (language reference:
 * "Layout (indentation)").
 */
export const tabIndentation = 'Indentation must use spaces: a tab does not count toward the indent level';

const characterHints: Readonly<Record<string, string>> = {
  '%': " (Aver has no '%' operator; use Int.mod)",
  '&': " (Aver has no '&&' operator; use Bool.and)",
  '|': " (Aver has no '||' or '|>' operator; use Bool.or or a call)",
};

/** A character that starts no token. */
export function unexpectedCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const shown =
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff)
      ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      : character;
  return `Unexpected character '${shown}'${characterHints[character] ?? ''}`;
}

export const unterminatedString = 'Unterminated string literal (strings end on the same line)';

export const unterminatedInterpolation =
  "Unterminated interpolation: expected '}' before the end of the line";

export const interpolationTooDeep = 'String interpolation is nested too deeply';

/** An Int literal outside the i64 range (language reference: "Tokens"). */
export function intOutOfRange(digits: string): string {
  return `Integer literal ${digits} is out of range for Int (i64)`;
}

// Parser --------------------------------------------------------------------------------------------------------

/** The general parse error: what the grammar wanted and what the source has. */
export function expected(what: string, found: string): string {
  return `Expected ${what}, found ${found}`;
}

/** `fn` in expression position (language reference: "Expressions, precedence and associativity"). */
export const anonymousFunctions = 'Anonymous functions are not supported';

/** `val x = …` / `var x = …` (language reference: "Tokens"). */
export function valVarNotSupported(keyword: string, name: string): string {
  return `'${keyword}' is not supported: bindings are immutable and written without a keyword, e.g. '${name} = …'`;
}

/** `X()` with no arguments (language reference: "Expressions, precedence and associativity"). */
export function zeroArgConstructor(name: string): string {
  return `Constructor '${name}' called with no arguments: write a nullary variant without parentheses ('${name}')`;
}

/**
 * A statement starting with `=`: the 0.1.0 `= expr` function body shorthand (removed in 0.3.0, language reference:
 * "What changed between 0.1.0 and the newest versions").
 */
export const bodyShorthandRemoved =
  "Expected an expression, found '=' (the '= expr' body shorthand was removed; write the expression on its own line)";

export const positionalAfterNamed = 'Positional argument after named arguments';

export const productNeedsTuple = "The independent product '!' applies only to a tuple, e.g. '(a(), b())!'";

export const moduleNotFirst = "The 'module' declaration must be the first item of the file";

export const duplicateModule = "A file can have only one 'module' declaration";

export function emptyFunctionBody(name: string): string {
  return `Function '${name}' has no body`;
}

// Verify blocks (Oracle addendum: "Grammar", "Expansion", "Checker rules and messages"; the reference's texts)
// ----------------------------------------------------

export const lawNeedsGiven = "Law verify block must contain at least one 'given' line";

export const lawNeedsOneAssertion = 'Law verify block must contain exactly one assertion line (lhs => rhs)';

export const givenDomainShape = 'Given domain must be list literal ([...]) or Int range (a..b)';

/** The same text appears for trace blocks. */
export function emptyGivenDomain(name: string): string {
  return `given '${name}' has empty domain in law verify block`;
}

export const traceBindingAfterCase =
  'verify-trace local bindings (`name = expr`) must come before any `lhs => rhs` case. Move this binding above the cases, then reference it by name in the cases.';

export function verifyExpandsTooFar(law: boolean, cases: number, max: number): string {
  return `${law ? 'Law verify' : 'verify trace'} expands to ${cases} cases (max ${max})`;
}

/** Where a decision block needs its next field name (Oracle addendum: "Two confirmations", the reference's text). */
export const expectedDecisionField = 'Expected decision field name';

/** A decision field outside the allowed set (Oracle addendum: "Two confirmations", the reference's text). */
export function unknownDecisionField(name: string, allowed: readonly string[]): string {
  return `Unknown decision field '${name}'. Allowed: ${allowed.join(', ')}`;
}

/** `date = …` (or `author = …`) without a string (Oracle addendum: "Two confirmations", the reference's text). */
export function expectedDecisionString(field: string): string {
  return `Expected string value for decision '${field}'`;
}

export const nestedTooDeeply = 'Expression is nested too deeply';

export const expressionTooLong = 'Expression has too many operators or postfix steps in one chain';

export const tooManyErrors = 'Too many syntax errors; stopping here';

export const interpolatedPattern = 'A string pattern cannot contain interpolation';

export const tupleTypeArity = 'A tuple type needs at least two items';

// Module loader -------------------------------------------------------------------------------------------------

/** A `depends` entry with no file (language reference: "Modules and imports", "Checker errors worth reproducing"). */
export function moduleNotFound(moduleName: string, moduleRoot: string): string {
  return `Module '${moduleName}' not found in '${moduleRoot}'`;
}

/**
 * A dependency whose `module` name is not the last `depends` segment (language reference: "Modules and imports",
 * "Checker errors worth reproducing").
 */
export function moduleNameMismatch(expectedName: string, from: string, found: string, path: string): string {
  return `Module name mismatch: expected '${expectedName}' (from '${from}'), found '${found}' in '${path}'`;
}

/** A dependency file without a `module` line. */
export function missingModuleDeclaration(expectedName: string, from: string, path: string): string {
  return `Module '${from}' must start with 'module ${expectedName}', but '${path}' has no module declaration`;
}

/**
 * An import cycle; `chain` is the module names in order, first repeated last (language reference:
 * "Modules and imports", "Checker errors worth reproducing").
 */
export function circularImport(chain: readonly string[]): string {
  return `Circular import: ${chain.join(' -> ')}`;
}

/** An entry file that cannot be read. */
export function cannotReadFile(path: string, reason: string): string {
  return `Cannot read '${path}': ${reason}`;
}
