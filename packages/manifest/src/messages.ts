/**
 * Every message text of @aver/bench-manifest. Templates quoted from the reference (bench spec:
 * "`Manifest::load` algorithm", "After 0.20.0") are marked "reference"; the others belong to the deliberate fixes
 * listed in the README.
 */

/** Reference: the manifest file cannot be read. */
export const cannotRead = (path: string, reason: string): string => `cannot read '${path}': ${reason}`;

/**
 * Reference: the `{toml_error}` of `{path}: {toml_error}`, laid out like the Rust `toml` crate's error: the
 * position line, a code frame with a gutter and a caret under the column, then the reason (smol-toml's words):
 *
 * ```text
 * TOML parse error at line 2, column 9
 *   |
 * 2 | entry =
 *   |         ^
 * invalid value
 * ```
 */
export const tomlSyntax = (line: number, column: number, sourceLine: string, reason: string): string => {
  const gutter = ' '.repeat(String(line).length + 1);
  const frame = frameWindow(sourceLine, column);
  return (
    `TOML parse error at line ${line}, column ${column}\n` +
    `${gutter}|\n` +
    `${line} | ${frame.text}\n` +
    `${gutter}|${' '.repeat(frame.column)}^\n` +
    reason
  );
};

/** Code points of a source line a code frame shows at most (ours: the crate prints the whole line). */
export const CODE_FRAME_WIDTH = 120;

/**
 * The part of a source line a code frame shows: all of it when it fits, else `CODE_FRAME_WIDTH` code points
 * around `column`, cut with `…`; `column` is where the caret goes in the shown text.
 */
function frameWindow(sourceLine: string, column: number): { text: string; column: number } {
  const codePoints = Array.from(sourceLine);
  if (codePoints.length <= CODE_FRAME_WIDTH) return { text: sourceLine, column };
  const to = Math.min(codePoints.length, Math.max(0, column - 1 - CODE_FRAME_WIDTH / 3) + CODE_FRAME_WIDTH);
  const from = Math.max(0, to - CODE_FRAME_WIDTH);
  const before = from > 0 ? '…' : '';
  const after = to < codePoints.length ? '…' : '';
  return {
    text: before + codePoints.slice(from, to).join('') + after,
    column: column - from + before.length,
  };
}

/** Reference: `entry` is absent or not a string. */
export const missingEntry = (): string => 'missing required `entry = "..."`';

/** Reference: the resolved entry does not exist. */
export const entryDoesNotExist = (raw: string, resolved: string): string =>
  `entry '${raw}' does not exist (resolved to '${resolved}')`;

/** The resolved entry exists but is a directory. */
export const entryNotAFile = (raw: string, resolved: string): string =>
  `entry '${raw}' is not a file (resolved to '${resolved}')`;

/** Reference (post-0.20): `module_root` does not name a directory. */
export const moduleRootNotADirectory = (raw: string, resolved: string): string =>
  `module root '${raw}' is not a directory (resolved to '${resolved}')`;

/** An `[effects] allow` entry that is not written like an effect (our addition). */
export const notAnEffectName = (index: number, found: string): string =>
  `\`effects.allow[${index}]\` must name an effect like "Disk" or "Disk.readText", found ${JSON.stringify(found)}`;

/** `[effects] disk_root` does not name a directory (our addition). */
export const diskRootNotADirectory = (raw: string, resolved: string): string =>
  `disk root '${raw}' is not a directory (resolved to '${resolved}')`;

/** Reference: `iterations = 0`. */
export const iterationsMustBePositive = (): string => '`iterations` must be > 0';

/** A key holds a value of the wrong TOML type. */
export const wrongType = (key: string, expected: string, found: string): string =>
  `\`${key}\` must be ${expected}, found ${found}`;

/** An integer key holds a negative value. */
export const mustBeNonNegative = (key: string, found: string): string =>
  `\`${key}\` must be a non-negative integer, found ${found}`;

/** A negative `iterations`. */
export const iterationsNegative = (found: string): string => `\`iterations\` must be > 0, found ${found}`;

/** An integer beyond what a JavaScript number holds exactly. */
export const integerTooLarge = (key: string, found: string): string =>
  `\`${key}\` is too large (${found}); the maximum is ${Number.MAX_SAFE_INTEGER}`;

/** A tolerance that is negative, infinite or NaN. */
export const toleranceOutOfRange = (key: string, found: string): string =>
  `\`${key}\` must be a finite number >= 0, found ${found}`;

/** `[expected]` bounds that no response can meet. */
export const expectedMinAboveMax = (min: number, max: number): string =>
  `\`expected.response_bytes_min\` (${min}) must be <= \`expected.response_bytes_max\` (${max})`;

/** `expected.response_bytes` outside its own bounds. */
export const expectedExactOutsideBounds = (exact: number, bound: string, boundValue: number): string =>
  `\`expected.response_bytes\` (${exact}) contradicts \`expected.${bound}\` (${boundValue})`;

/** The document root is not a table (cannot happen with TOML, kept for the schema's completeness). */
export const notATable = (): string => 'a manifest must be a TOML table';

/** An unknown key; a warning, not an error. `where` is ` (line L, column C)` or empty. */
export const unknownKey = (
  key: string,
  where: string,
  suggestion: string | null,
  known: readonly string[],
): string =>
  suggestion === null
    ? `unknown key \`${key}\`${where} is ignored (known keys here: ${known.join(', ')})`
    : `unknown key \`${key}\`${where} is ignored; did you mean \`${suggestion}\`?`;

/** A position as a suffix: ` (line L, column C)`. */
export const positionSuffix = (line: number, column: number): string => ` (line ${line}, column ${column})`;

/** Appends a source position to a message. */
export const atPosition = (message: string, line: number, column: number): string =>
  `${message}${positionSuffix(line, column)}`;

/** `synthesizeAdHocManifest` with a non-integer or negative count. */
export const adHocCount = (key: 'iterations' | 'warmup', found: number): string =>
  `\`${key}\` must be a non-negative integer, found ${found}`;

/** A key that must be a positive integer (`timeout_ms`, `memory_limit_mb`) holds 0 or less. */
export const mustBePositive = (key: string, found: string): string =>
  `\`${key}\` must be a positive integer, found ${found}`;
