import { statSync } from 'node:fs';
import type { Tolerance } from '@aver/bench-report';
import { DEFAULT_TOLERANCE } from '@aver/bench-report';
import * as v from 'valibot';
import { describeTomlValue, formatTomlFloat } from './describe-toml-value.js';
import type { EffectsShape } from './effects-schema.js';
import { createEffectsSchema, NO_EFFECTS } from './effects-schema.js';
import type { ExpectedShape } from './manifest.js';
import { DEFAULT_ITERATIONS, DEFAULT_TIMEOUT_MS, DEFAULT_WARMUP, NO_EXPECTATIONS } from './manifest.js';
import * as messages from './messages.js';
import { joinPathVerbatim, parentDirVerbatim } from './path-utils.js';

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

/** What the schema produces; the loader adds `path`, `warnings` and the default name. */
export interface ValidatedManifestFields {
  readonly name: string | null;
  readonly entry: string;
  readonly moduleRoot: string;
  readonly iterations: number;
  readonly warmup: number | 'auto';
  readonly args: readonly string[];
  readonly expected: ExpectedShape;
  readonly tolerance: Tolerance;
  readonly effects: EffectsShape;
  readonly timeoutMs: number;
  readonly memoryLimitMb: number | null;
}

const MAX_COUNT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Marks an issue whose message is one of the reference's templates (bench spec: "`Manifest::load` algorithm",
 * "After 0.20.0"): the loader prints it verbatim, without the ` (line L, column C)` it appends to our own messages,
 * so the text matches the reference byte for byte. The position is still in the `ManifestError`'s `line`/`column`.
 */
export const VERBATIM = 'reference template';

function isTomlTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function pathKind(resolved: string): 'file' | 'directory' | 'other' | 'missing' {
  try {
    const stats = statSync(resolved);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/** A TOML integer key (`iterations`, `warmup`, `expected.*`) → a JS number, with range checks. */
function countSchema(key: string, options: { positive: boolean }) {
  return v.pipe(
    v.custom<bigint>(
      (input) => typeof input === 'bigint',
      (issue) => messages.wrongType(key, 'an integer', describeTomlValue(issue.input)),
    ),
    countRange<bigint>(key, options),
    v.transform((value) => Number(value)),
  );
}

/** The range checks of a count (other values, such as `"auto"`, pass). */
function countRange<T>(key: string, options: { positive: boolean }) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed || typeof dataset.value !== 'bigint') return;
    const value = dataset.value;
    if (options.positive && value === 0n)
      addIssue({ message: messages.iterationsMustBePositive(), expected: VERBATIM });
    else if (value < 0n && options.positive)
      addIssue({ message: messages.iterationsNegative(String(value)) });
    else if (value < 0n) addIssue({ message: messages.mustBeNonNegative(key, String(value)) });
    else if (value > MAX_COUNT) addIssue({ message: messages.integerTooLarge(key, String(value)) });
  });
}

/** A TOML integer that must be at least 1 (`timeout_ms`, `memory_limit_mb`) → a JS number. */
function positiveSchema(key: string) {
  return v.pipe(
    v.custom<bigint>(
      (input) => typeof input === 'bigint',
      (issue) => messages.wrongType(key, 'an integer', describeTomlValue(issue.input)),
    ),
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
    countRange<bigint | 'auto'>('warmup', { positive: false }),
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

const ExpectedSchema = v.pipe(
  tableSchema('expected'),
  v.object({
    response_bytes: v.optional(countSchema('expected.response_bytes', { positive: false })),
    response_bytes_min: v.optional(countSchema('expected.response_bytes_min', { positive: false })),
    response_bytes_max: v.optional(countSchema('expected.response_bytes_max', { positive: false })),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { response_bytes: exact, response_bytes_min: min, response_bytes_max: max } = dataset.value;
    const at = (key: string) => [
      {
        type: 'object',
        origin: 'value',
        input: dataset.value,
        key,
        value: dataset.value[key as 'response_bytes'],
      },
    ];
    if (min !== undefined && max !== undefined && min > max) {
      addIssue({ message: messages.expectedMinAboveMax(min, max), path: at('response_bytes_max') as never });
    }
    if (exact !== undefined && min !== undefined && exact < min) {
      addIssue({
        message: messages.expectedExactOutsideBounds(exact, 'response_bytes_min', min),
        path: at('response_bytes') as never,
      });
    }
    if (exact !== undefined && max !== undefined && exact > max) {
      addIssue({
        message: messages.expectedExactOutsideBounds(exact, 'response_bytes_max', max),
        path: at('response_bytes') as never,
      });
    }
  }),
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

/**
 * Builds the valibot schema of a parsed manifest document. Paths in the manifest are relative to its folder, so
 * the schema is made per manifest; it checks on disk that `entry` is a file and `module_root` a directory.
 * Unknown keys pass (the loader turns them into warnings).
 * @param manifestDir The manifest's folder as Rust's `Path::parent` gives it (`''` for a bare file name).
 * @returns A schema whose output is the validated fields.
 */
export function createManifestSchema(manifestDir: string) {
  const entrySchema = v.pipe(
    v.unknown(),
    v.rawCheck<unknown>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const raw = dataset.value;
      if (typeof raw !== 'string') {
        addIssue({ message: messages.missingEntry(), expected: VERBATIM });
        return;
      }
      const resolved = joinPathVerbatim(manifestDir, raw);
      const kind = pathKind(resolved);
      if (kind === 'missing')
        addIssue({ message: messages.entryDoesNotExist(raw, resolved), expected: VERBATIM });
      else if (kind !== 'file') addIssue({ message: messages.entryNotAFile(raw, resolved) });
    }),
    v.transform((raw) => raw as string),
  );
  const moduleRootSchema = v.pipe(
    v.string((issue) => messages.wrongType('module_root', 'a string', describeTomlValue(issue.input))),
    v.rawCheck<string>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const resolved = joinPathVerbatim(manifestDir, dataset.value);
      if (pathKind(resolved) !== 'directory') {
        addIssue({ message: messages.moduleRootNotADirectory(dataset.value, resolved), expected: VERBATIM });
      }
    }),
  );
  const argsSchema = v.pipe(
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
    v.transform((items) => items as string[]),
  );
  return v.pipe(
    v.object(
      {
        entry: entrySchema,
        module_root: v.optional(moduleRootSchema),
        name: v.optional(
          v.string((issue) => messages.wrongType('name', 'a string', describeTomlValue(issue.input))),
        ),
        iterations: v.optional(countSchema('iterations', { positive: true }), BigInt(DEFAULT_ITERATIONS)),
        warmup: v.optional(warmupSchema(), BigInt(DEFAULT_WARMUP)),
        args: v.optional(argsSchema, []),
        expected: v.optional(ExpectedSchema),
        tolerance: v.optional(ToleranceSchema),
        effects: v.optional(createEffectsSchema(manifestDir)),
        timeout_ms: v.optional(positiveSchema('timeout_ms')),
        memory_limit_mb: v.optional(positiveSchema('memory_limit_mb')),
      },
      (issue) => (issue.expected === '"entry"' ? messages.missingEntry() : messages.notATable()),
    ),
    v.transform((document): ValidatedManifestFields => {
      const entry = joinPathVerbatim(manifestDir, document.entry);
      const moduleRoot =
        document.module_root === undefined
          ? parentDirVerbatim(entry) || '.'
          : joinPathVerbatim(manifestDir, document.module_root);
      return {
        name: document.name ?? null,
        entry,
        moduleRoot,
        iterations: document.iterations,
        warmup: document.warmup,
        args: document.args,
        expected: document.expected ?? NO_EXPECTATIONS,
        tolerance: document.tolerance ?? DEFAULT_TOLERANCE,
        effects: document.effects ?? NO_EFFECTS,
        timeoutMs: document.timeout_ms ?? DEFAULT_TIMEOUT_MS,
        memoryLimitMb: document.memory_limit_mb ?? null,
      };
    }),
  );
}
