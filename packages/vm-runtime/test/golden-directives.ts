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

/** The known name at the smallest edit distance from `name`, when it is at most 3 edits away. */
function closestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
