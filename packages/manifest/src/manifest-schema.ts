import * as v from 'valibot';
import { describeTomlValue, formatTomlFloat } from './describe-toml-value.js';
import { EffectsSchema, NO_EFFECTS } from './effects-schema.js';
import type { ExpectedShape, Tolerance } from './manifest.js';
import {
  DEFAULT_ITERATIONS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOLERANCE,
  DEFAULT_WARMUP,
  NO_EXPECTATIONS,
} from './manifest.js';
import * as messages from './messages.js';

/** Keys a manifest may have at the top level, in the reference's check order. */
export const TOP_LEVEL_KEYS = [
  'entry',
  'module_root',
  'name',
  'iterations',
  'warmup',
  'args',
  'expected',
  'tolerance',
  'effects',
  'timeout_ms',
  'memory_limit_mb',
] as const;
/** Keys of the `[expected]` table. */
export const EXPECTED_KEYS = ['response_bytes', 'response_bytes_min', 'response_bytes_max'] as const;
/** Keys of the `[tolerance]` table. */
export const TOLERANCE_KEYS = [
  'wall_time_p50_pct',
  'wall_time_p95_pct',
  'wall_time_effect_pct',
  'instructions_pct',
] as const;

/**
 * What the schema produces: the manifest's values checked for shape and range, with defaults filled in. Paths are
 * as written (`load-manifest` resolves them against the manifest's folder and checks them on disk).
 */
export type ManifestFields = v.InferOutput<typeof ManifestSchema>;

const MAX_COUNT = BigInt(Number.MAX_SAFE_INTEGER);

/*
 * The reference's own checks, whose messages are the reference's templates (bench spec: "`Manifest::load`
 * algorithm"): a failed one is printed verbatim, without the ` (line L, column C)` the loader appends to our own
 * messages, so the text matches the reference byte for byte (the position is still in the `ManifestError`'s
 * `line`/`column`). valibot keeps the failed check's function in `issue.requirement`, so the loader tells them apart
 * by that, not by their text.
 */

/** `entry` must be a string; the reference says "missing" for anything else too. */
const isEntryString = (input: unknown): input is string => typeof input === 'string';
/** `iterations` must not be 0. */
const isNotZero = (input: bigint): boolean => input !== 0n;
const REFERENCE_CHECKS: ReadonlySet<unknown> = new Set([isEntryString, isNotZero]);

/**
 * Whether an issue of `ManifestSchema` is one of the reference's checks, whose message is printed verbatim.
 * @param issue An issue of `ManifestSchema`.
 */
export function isReferenceCheck(issue: v.BaseIssue<unknown>): boolean {
  return issue.requirement !== undefined && REFERENCE_CHECKS.has(issue.requirement);
}

function isTomlTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A TOML integer → a bigint (TOML integers are read as bigint, so floats are told apart). */
function integerSchema(key: string) {
  return v.custom<bigint>(
    (input) => typeof input === 'bigint',
    (issue) => messages.wrongType(key, 'an integer', describeTomlValue(issue.input)),
  );
}

/** A TOML integer key (`warmup`, `expected.*`) that must be >= 0 → a JS number. */
function countSchema(key: string) {
  return v.pipe(
    integerSchema(key),
    countRange<bigint>(key),
    v.transform((value) => Number(value)),
  );
}

/** `iterations`: a TOML integer > 0 → a JS number; 0 fails the reference's own check. */
function iterationsSchema() {
  return v.pipe(
    integerSchema('iterations'),
    v.check(isNotZero, messages.iterationsMustBePositive()),
    v.rawCheck<bigint>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      if (dataset.value < 0n) addIssue({ message: messages.iterationsNegative(String(dataset.value)) });
      else if (dataset.value > MAX_COUNT)
        addIssue({ message: messages.integerTooLarge('iterations', String(dataset.value)) });
    }),
    v.transform((value) => Number(value)),
  );
}

/** The range checks of a count that may be 0 (other values, such as `"auto"`, pass). */
function countRange<T>(key: string) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed || typeof dataset.value !== 'bigint') return;
    const value = dataset.value;
    if (value < 0n) addIssue({ message: messages.mustBeNonNegative(key, String(value)) });
    else if (value > MAX_COUNT) addIssue({ message: messages.integerTooLarge(key, String(value)) });
  });
}

/** A TOML integer that must be at least 1 (`timeout_ms`, `memory_limit_mb`) → a JS number. */
function positiveSchema(key: string) {
  return v.pipe(
    integerSchema(key),
    v.rawCheck<bigint>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      if (dataset.value < 1n) addIssue({ message: messages.mustBePositive(key, String(dataset.value)) });
      else if (dataset.value > MAX_COUNT)
        addIssue({ message: messages.integerTooLarge(key, String(dataset.value)) });
    }),
    v.transform((value) => Number(value)),
  );
}

/** `warmup`: a count, or `"auto"` (warm up until the run time is stable; our addition). */
function warmupSchema() {
  return v.pipe(
    v.custom<bigint | 'auto'>(
      (input) => typeof input === 'bigint' || input === 'auto',
      (issue) => messages.wrongType('warmup', 'an integer or "auto"', describeTomlValue(issue.input)),
    ),
    countRange<bigint | 'auto'>('warmup'),
    v.transform((value) => (value === 'auto' ? 'auto' : Number(value))),
  );
}

/** A tolerance percentage: a TOML float or integer (the reference ignores integers), finite and >= 0. */
function percentSchema(key: string) {
  return v.pipe(
    v.custom<bigint | number>(
      (input) => typeof input === 'bigint' || typeof input === 'number',
      (issue) => messages.wrongType(key, 'a number', describeTomlValue(issue.input)),
    ),
    v.transform((value) => Number(value)),
    v.check(
      (value) => Number.isFinite(value) && value >= 0,
      (issue) => messages.toleranceOutOfRange(key, formatTomlFloat(issue.input as number)),
    ),
  );
}

function tableSchema(key: string) {
  return v.custom<Record<string, unknown>>(isTomlTable, (issue) =>
    messages.wrongType(key, 'a table', describeTomlValue(issue.input)),
  );
}

/** `[expected]`: bounds on the response size; the bounds must leave room for a response. */
const ExpectedSchema = v.pipe(
  tableSchema('expected'),
  v.object({
    response_bytes: v.optional(countSchema('expected.response_bytes')),
    response_bytes_min: v.optional(countSchema('expected.response_bytes_min')),
    response_bytes_max: v.optional(countSchema('expected.response_bytes_max')),
  }),
  v.forward(
    v.partialCheck(
      [['response_bytes_min'], ['response_bytes_max']],
      ({ response_bytes_min: min, response_bytes_max: max }) =>
        min === undefined || max === undefined || min <= max,
      (issue) =>
        messages.expectedMinAboveMax(issue.input.response_bytes_min!, issue.input.response_bytes_max!),
    ),
    ['response_bytes_max'],
  ),
  v.forward(
    v.partialCheck(
      [['response_bytes'], ['response_bytes_min']],
      ({ response_bytes: exact, response_bytes_min: min }) =>
        exact === undefined || min === undefined || exact >= min,
      (issue) =>
        messages.expectedExactOutsideBounds(
          issue.input.response_bytes!,
          'response_bytes_min',
          issue.input.response_bytes_min!,
        ),
    ),
    ['response_bytes'],
  ),
  v.forward(
    v.partialCheck(
      [['response_bytes'], ['response_bytes_max']],
      ({ response_bytes: exact, response_bytes_max: max }) =>
        exact === undefined || max === undefined || exact <= max,
      (issue) =>
        messages.expectedExactOutsideBounds(
          issue.input.response_bytes!,
          'response_bytes_max',
          issue.input.response_bytes_max!,
        ),
    ),
    ['response_bytes'],
  ),
  v.transform(
    (table): ExpectedShape => ({
      responseBytes: table.response_bytes ?? null,
      responseBytesMin: table.response_bytes_min ?? null,
      responseBytesMax: table.response_bytes_max ?? null,
    }),
  ),
);

const ToleranceSchema = v.pipe(
  tableSchema('tolerance'),
  v.object({
    wall_time_p50_pct: v.optional(percentSchema('tolerance.wall_time_p50_pct')),
    wall_time_p95_pct: v.optional(percentSchema('tolerance.wall_time_p95_pct')),
    wall_time_effect_pct: v.optional(percentSchema('tolerance.wall_time_effect_pct')),
    instructions_pct: v.optional(percentSchema('tolerance.instructions_pct')),
  }),
  v.transform(
    (table): Tolerance => ({
      wall_time_p50_pct: table.wall_time_p50_pct ?? DEFAULT_TOLERANCE.wall_time_p50_pct,
      wall_time_p95_pct: table.wall_time_p95_pct ?? DEFAULT_TOLERANCE.wall_time_p95_pct,
      // The statistical verdicts' threshold (our addition): present only when set; the verdicts default it.
      ...(table.wall_time_effect_pct === undefined
        ? {}
        : { wall_time_effect_pct: table.wall_time_effect_pct }),
      // Opt-in gate on executed instructions (our addition): present only when the manifest sets it.
      ...(table.instructions_pct === undefined ? {} : { instructions_pct: table.instructions_pct }),
    }),
  ),
);

/** `args`: an array of strings; each item that is not a string is its own issue. */
const ArgsSchema = v.pipe(
  v.array(v.unknown(), (issue) =>
    messages.wrongType('args', 'an array of strings', describeTomlValue(issue.input)),
  ),
  v.rawCheck<unknown[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    dataset.value.forEach((item, index) => {
      if (typeof item === 'string') return;
      addIssue({
        message: messages.wrongType(`args[${index}]`, 'a string', describeTomlValue(item)),
        path: [{ type: 'array', origin: 'value', input: dataset.value, key: index, value: item }],
      });
    });
  }),
  v.transform((items) => items.filter((item): item is string => typeof item === 'string')),
);

/**
 * The valibot schema of a parsed manifest document: shape, types and ranges only, with defaults filled in; no file
 * system access (the loader checks the paths on disk in a step of its own). Keys are checked in the reference's
 * order, so the first issue is the one the reference reports. Unknown keys pass (the loader turns them into
 * warnings).
 */
export const ManifestSchema = v.pipe(
  v.object(
    {
      entry: v.pipe(v.unknown(), v.guard(isEntryString, messages.missingEntry())),
      module_root: v.optional(
        v.string((issue) => messages.wrongType('module_root', 'a string', describeTomlValue(issue.input))),
      ),
      name: v.optional(
        v.string((issue) => messages.wrongType('name', 'a string', describeTomlValue(issue.input))),
      ),
      iterations: v.optional(iterationsSchema(), BigInt(DEFAULT_ITERATIONS)),
      warmup: v.optional(warmupSchema(), BigInt(DEFAULT_WARMUP)),
      args: v.optional(ArgsSchema, []),
      expected: v.optional(ExpectedSchema),
      tolerance: v.optional(ToleranceSchema),
      effects: v.optional(EffectsSchema),
      timeout_ms: v.optional(positiveSchema('timeout_ms')),
      memory_limit_mb: v.optional(positiveSchema('memory_limit_mb')),
    },
    (issue) => (issue.expected === '"entry"' ? messages.missingEntry() : messages.notATable()),
  ),
  v.transform((document) => ({
    name: document.name ?? null,
    entry: document.entry,
    moduleRoot: document.module_root ?? null,
    iterations: document.iterations,
    warmup: document.warmup,
    args: document.args,
    expected: document.expected ?? NO_EXPECTATIONS,
    tolerance: document.tolerance ?? DEFAULT_TOLERANCE,
    effects: document.effects ?? NO_EFFECTS,
    timeoutMs: document.timeout_ms ?? DEFAULT_TIMEOUT_MS,
    memoryLimitMb: document.memory_limit_mb ?? null,
  })),
);
