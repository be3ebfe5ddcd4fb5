import { closestName } from '../src/closest-name.js';
/**
 * The directive comments of golden programs (`// expect: 3`, `// error[4:5]: Unknown identifier 'x'`): a comment line
 * whose first word is lowercase, optionally followed by `[…]`, then a colon. Every such line must name a directive
 * the suite knows, so a misspelled one (`// expect-verfy: …`) fails the test instead of silently checking nothing.
 */

/** One directive: its name, the `[…]` part (without brackets, `null` when absent), the text after `: `. */
export interface Directive {
  readonly name: string;
  readonly bracket: string | null;
  readonly text: string;
  /** 1-based line in the program. */
  readonly line: number;
}

const DIRECTIVE = /^\s*\/\/ ([a-z][a-z-]*)(?:\[([^\]]*)\])?: ?(.*)$/;

/**
 * The directives of a golden program, in order.
 *
 * @throws Error naming the line and the closest known directive when a line uses a directive not in `known`.
 */
export function readDirectives(text: string, known: readonly string[]): Directive[] {
  const directives: Directive[] = [];
  text.split('\n').forEach((source, index) => {
    const match = DIRECTIVE.exec(source);
    if (match === null) return;
    const [, name, bracket, rest] = match;
    if (!known.includes(name)) {
      const closest = closestName(name, known);
      const hint = closest === null ? '' : ` (did you mean '${closest}'?)`;
      throw new Error(
        `line ${index + 1}: unknown directive '${name}'${hint}; known directives: ${known.join(', ')}`,
      );
    }
    directives.push({ name, bracket: bracket ?? null, text: rest, line: index + 1 });
  });
  return directives;
}
