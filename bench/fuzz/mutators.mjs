// Mutators: each takes a text and a Random and returns a new text. Programs get character, token, line and
// structure edits plus splices from other seeds and fragments known to stress a front end or a VM (huge sizes,
// deep nesting, terminal controls, extreme numbers); manifests get the same character edits plus TOML-aware ones
// (replace a value, rename or repeat a key, add a table). `mutateProgram` / `mutateManifest` stack 1–4 of them.

/** A mutant is cut to this many UTF-16 units, so one input cannot take the fuzzer's memory. */
export const MAX_INPUT_LENGTH = 256 * 1024;

// biome-ignore format: a word list reads better packed
const ODD_CHARACTERS = [
  ' ', '\t', '\n', '\r', '\r\n', '(', ')', '[', ']', '{', '}', '"', "'", '\\', '.', ',', ':', '-', '>', '<',
  '=', '|', '!', '?', '#', '_', '0', '9', 'é', '€', '😀', '\u0000', '\u0007', '\u001b', '\u009b', '\u200b',
  '\uFEFF', '\uFFFD', '\uD800', '\uDC00',
];

/** Aver tokens and fragments: keywords, services, and inputs past a limit (sizes, depths, numbers, controls). */
// biome-ignore format: a word list reads better packed
const PROGRAM_FRAGMENTS = [
  'fn ', 'match ', 'module ', 'depends [', 'exposes [', 'intent =', 'verify ', 'given ', 'when ', 'law ',
  'trace', 'type ', 'record ', ' -> ', ' => ', '! [', ' ?', '?!', ' |> ', '_ -> ', 'true', 'false', 'Unit',
  'Int', 'Float', 'String', 'Bool', 'List<Int>', 'Map<String, Int>', 'Vector<Int>', 'Option<Int>',
  'Result<Int, String>', 'Result.Ok(1)', 'Result.Err("no")', 'Option.Some(1)', 'Option.None', '[]',
  '[1, 2, 3]', '{"a" => 1}', '()', '(1, 2)', 'x.y', '"', '"{', '{x}', '"\\u{1b}[2J"', '"\\n"', '\\', '/ 0',
  '% 0', '0.0 / 0.0', '9223372036854775807', '-9223372036854775808', '9223372036854775808',
  '99999999999999999999999', '1e308', '1.7976931348623157e309', '-0.0', '0x10', '1_000',
  'Vector.new(1000000000, 0)', 'Vector.new(-1, 0)', 'Vector.new(100000000, 0)',
  'String.repeat("ab", 1000000000)', 'List.range(0, 1000000000)', 'String.len(', 'String.charAt("", 5)',
  'Char.toCode("")', 'Int.fromString("")', 'Float.toString(1.0 / 0.0)', 'Map.empty()', 'Map.set(m, "k", 1)',
  'Console.print(', 'Console.readLine()', 'Time.sleep(100000000)', 'Time.now()', 'Random.int(1, 0)',
  'Args.get()', 'Disk.readText("x")', 'Env.get("HOME")', 'main()', 'fn main() -> Int\n    main()\n',
  'fn loop(n: Int) -> Int\n    loop(n + 1)\n',
];

/** A TOML value of every type, and values past every limit the schema has. */
// biome-ignore format: a word list reads better packed
const TOML_VALUES = [
  '0', '1', '-1', '3', '1000000000', '9223372036854775807', '9223372036854775808', '-9223372036854775809',
  '1.5', '-0.0', 'inf', '-inf', 'nan', '1e400', 'true', 'false', '""', '"x"', '"auto"', '"../.."',
  '"/etc/hostname"', '"a\\u001b[31mb"', '"\\u0000"', '"fib.av"', '"every_key.av"', '"."', '"data"', '[]',
  '[1]', '["a", 1]', '["Disk"]', '["Disk.readText"]', '["Nope.nope"]', '{}', '{ a = 1 }', '1979-05-27',
  '1979-05-27T07:32:00Z', "'''raw'''", '"""\nmulti\n"""', '0x7f', '0o17', '0b101', '1_000', '+1', '01',
];

// biome-ignore format: a word list reads better packed
const MANIFEST_KEYS = [
  'name', 'entry', 'module_root', 'iterations', 'warmup', 'args', 'timeout_ms', 'memory_limit_mb',
  'response_bytes', 'response_bytes_min', 'response_bytes_max', 'wall_time_p50_pct', 'wall_time_p95_pct',
  'wall_time_effect_pct', 'instructions_pct', 'allow', 'disk_root', 'unknown_key', 'iteration', '"quoted key"',
  'a.b', '',
];

// biome-ignore format: a word list reads better packed
const TOML_TABLES = [
  '[expected]', '[tolerance]', '[effects]', '[expected.inner]', '[[expected]]', '[effects.allow]', '[]', '[',
  '[name]',
];

/** A cut point in [0, length]. */
function position(text, random) {
  return random.int(0, text.length);
}

/** A span [start, end) of at most `max` units. */
function span(text, random, max) {
  const start = position(text, random);
  return [start, Math.min(text.length, start + random.int(0, max))];
}

function splice(text, start, end, insert) {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Splits into words, runs of spaces and single punctuation marks (a rough token stream of either language). */
function tokens(text) {
  return text.match(/[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9_.]*|\s+|[^\sA-Za-z0-9_]/g) ?? [];
}

function lines(text) {
  return text.split('\n');
}

// --- Edits common to both kinds of text -------------------------------------------------------------------------

const deleteSpan = (text, random) => {
  const [start, end] = span(text, random, 16);
  return splice(text, start, end, '');
};

const insertOddCharacter = (text, random) => {
  const at = position(text, random);
  return splice(text, at, at, random.pick(ODD_CHARACTERS));
};

const replaceCharacter = (text, random) => {
  if (text.length === 0) return random.pick(ODD_CHARACTERS);
  const at = random.index(text.length);
  return splice(text, at, at + 1, random.pick(ODD_CHARACTERS));
};

const duplicateSpan = (text, random) => {
  const [start, end] = span(text, random, 64);
  const at = position(text, random);
  return splice(text, at, at, text.slice(start, end));
};

const deleteLine = (text, random) => {
  const all = lines(text);
  all.splice(random.index(all.length), 1);
  return all.join('\n');
};

const duplicateLine = (text, random) => {
  const all = lines(text);
  const at = random.index(all.length);
  all.splice(at, 0, all[at]);
  return all.join('\n');
};

const swapLines = (text, random) => {
  const all = lines(text);
  const a = random.index(all.length);
  const b = random.index(all.length);
  [all[a], all[b]] = [all[b], all[a]];
  return all.join('\n');
};

/** Replaces one token with another token of the same text (a name where a number was, `(` where `->` was …). */
const swapToken = (text, random) => {
  const all = tokens(text);
  if (all.length === 0) return text;
  all[random.index(all.length)] = random.pick(all);
  return all.join('');
};

/** Replaces a number with an extreme one. */
const replaceNumber = (text, random) => {
  const numbers = [...text.matchAll(/-?\b[0-9][0-9_.]*/g)];
  if (numbers.length === 0) return text;
  const match = random.pick(numbers);
  const extreme = random.pick([
    '0',
    '-1',
    '1',
    '2',
    '255',
    '65536',
    '2147483647',
    '2147483648',
    '4294967296',
    '9007199254740993',
    '9223372036854775807',
    '9223372036854775808',
    '-9223372036854775808',
    '1000000000',
    '0.0',
    '1e308',
    '-0.0',
  ]);
  return splice(text, match.index, match.index + match[0].length, extreme);
};

/** Grafts a piece of another seed (of the same kind) in: lines from it, or its tail after a prefix of this one. */
const crossOver = (text, random, others) => {
  const other = lines(random.pick(others));
  const mine = lines(text);
  if (random.chance(1, 2)) {
    const from = random.index(other.length);
    const piece = other.slice(from, from + random.int(1, 8));
    mine.splice(random.int(0, mine.length), 0, ...piece);
    return mine.join('\n');
  }
  return [...mine.slice(0, random.int(0, mine.length)), ...other.slice(random.int(0, other.length))].join(
    '\n',
  );
};

// --- Program edits ----------------------------------------------------------------------------------------------

const insertProgramFragment = (text, random) => {
  const at = position(text, random);
  return splice(text, at, at, random.pick(PROGRAM_FRAGMENTS));
};

/** Moves a line in or out by an indent step, or by one space (indentation is syntax in Aver). */
const reindentLine = (text, random) => {
  const all = lines(text);
  const at = random.index(all.length);
  const step = random.pick(['    ', ' ', '\t']);
  all[at] = random.chance(1, 2) ? step + all[at] : all[at].replace(/^ {1,4}/, '');
  return all.join('\n');
};

/** Deep nesting: an expression inside hundreds to tens of thousands of parentheses or list brackets. */
const nest = (text, random) => {
  const depth = random.pick([100, 1000, 10000, 50000]);
  const [open, close] = random.pick([
    ['(', ')'],
    ['[', ']'],
    ['-', ''],
    ['Option.Some(', ')'],
    ['"{', '}"'],
  ]);
  const all = lines(text);
  const at = random.index(all.length);
  all[at] = `${all[at]}${open.repeat(depth)}1${close.repeat(depth)}`;
  return all.join('\n');
};

/** A very long line, or very many lines: a repeated piece of the text. */
const repeatPiece = (text, random) => {
  const [start, end] = span(text, random, 40);
  const piece = text.slice(start, end) || 'x';
  const times = random.pick([100, 1000, 10000]);
  const at = position(text, random);
  return splice(text, at, at, piece.repeat(times));
};

// --- Manifest edits ---------------------------------------------------------------------------------------------

/** The `key = value` lines of a manifest, with where each value starts and ends. */
function assignments(text) {
  return [...text.matchAll(/^([ \t]*[A-Za-z0-9_."-]+[ \t]*=[ \t]*)([^\n#]*)/gm)];
}

const replaceTomlValue = (text, random) => {
  const all = assignments(text);
  if (all.length === 0) return text;
  const match = random.pick(all);
  const start = match.index + match[1].length;
  return splice(text, start, start + match[2].length, random.pick(TOML_VALUES));
};

const renameTomlKey = (text, random) => {
  const all = assignments(text);
  if (all.length === 0) return text;
  const match = random.pick(all);
  const key = match[1].trim().replace(/\s*=$/, '');
  const start = match.index + match[1].indexOf(key);
  return splice(text, start, start + key.length, random.pick(MANIFEST_KEYS));
};

const addTomlLine = (text, random) => {
  const all = lines(text);
  const line = random.chance(1, 4)
    ? random.pick(TOML_TABLES)
    : `${random.pick(MANIFEST_KEYS)} = ${random.pick(TOML_VALUES)}`;
  all.splice(random.int(0, all.length), 0, line);
  return all.join('\n');
};

// --- Stacks -----------------------------------------------------------------------------------------------------

/** `[weight, mutator]`: common edits are frequent, the heavy ones (deep nesting, huge repeats) rare. */
const PROGRAM_MUTATORS = [
  [10, deleteSpan],
  [10, insertOddCharacter],
  [6, replaceCharacter],
  [8, duplicateSpan],
  [8, deleteLine],
  [6, duplicateLine],
  [4, swapLines],
  [12, swapToken],
  [10, replaceNumber],
  [6, crossOver],
  [14, insertProgramFragment],
  [8, reindentLine],
  [1, nest],
  [1, repeatPiece],
];

const MANIFEST_MUTATORS = [
  [6, deleteSpan],
  [6, insertOddCharacter],
  [4, replaceCharacter],
  [3, duplicateSpan],
  [6, deleteLine],
  [4, duplicateLine],
  [2, swapLines],
  [4, swapToken],
  [6, replaceNumber],
  [2, crossOver],
  [20, replaceTomlValue],
  [10, renameTomlKey],
  [12, addTomlLine],
];

function stack(mutators, text, random, others) {
  let result = text;
  const count = random.weighted([
    [8, 1],
    [4, 2],
    [2, 3],
    [1, 4],
  ]);
  for (let i = 0; i < count; i++) result = random.weighted(mutators)(result, random, others);
  return result.length > MAX_INPUT_LENGTH ? result.slice(0, MAX_INPUT_LENGTH) : result;
}

/**
 * @param {string} text A program's source.
 * @param {import('./random.mjs').Random} random The input's stream.
 * @param {readonly string[]} others Other programs' sources, for cross-over.
 */
export function mutateProgram(text, random, others) {
  return stack(PROGRAM_MUTATORS, text, random, others);
}

/**
 * @param {string} text A manifest's TOML.
 * @param {import('./random.mjs').Random} random The input's stream.
 * @param {readonly string[]} others Other manifests, for cross-over.
 */
export function mutateManifest(text, random, others) {
  return stack(MANIFEST_MUTATORS, text, random, others);
}
