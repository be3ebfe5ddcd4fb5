import * as v from 'valibot';

/*
 * The report contract (bench spec: "Report JSON: the stable contract"): these schemas validate reports,
 * generate `schema.json` and, through `v.InferOutput`, are the report's TypeScript types (`types.ts`), so the shape
 * is declared once. Keys, their order and their nullability mirror the reference's serde structs; our additions
 * (`response_sha256`, `samples_ms`, `counters`, `replicates`) come after the reference keys. Adding keys is allowed by
 * the contract; removing or renaming one is a breaking change. Every object and array is `v.readonly()`, so the
 * derived types are read-only, as a report passed around should be.
 *
 * Each schema's message is the label of what it expects ("number", "non-negative integer"); `parseReport`
 * turns an issue into `{path}: expected {label}, got {what}`. The same schemas generate `schema.json`
 * (scripts/generate-json-schema.ts), so descriptions here are the JSON Schema's documentation.
 *
 * Reading follows serde's defaults for the reference structs (bench spec: "Report JSON: shape", on deserialisation):
 * unknown keys are ignored, a missing `Option` field becomes `null`, and every other reference key is required. The
 * additions are optional on read (missing → `null`) so baselines written by the reference still load.
 */

const label = {
  object: 'object',
  string: 'string',
  number: 'number',
  finite: 'finite number',
  duration: 'non-negative finite number',
  count: 'non-negative integer',
  boolean: 'boolean',
  array: 'array',
  sha256: 'lowercase hex SHA-256 (64 characters)',
} as const;

const text = () => v.string(label.string);
/** A duration: a time cannot be negative, and `1e999` (read as Infinity) is no time at all. */
const milliseconds = (description: string) =>
  v.pipe(
    v.number(label.number),
    v.finite(label.duration),
    v.minValue(0, label.duration),
    v.description(description),
  );
/**
 * A Rust `usize`. The reference never rejects huge values (a negative TOML count wraps to u64::MAX, bench spec:
 * "`Manifest::load` algorithm"), so the whole u64 range is accepted; JSON.parse rounds u64::MAX up to 2^64, and
 * integers past 2^53 lose precision.
 */
const count = () =>
  v.pipe(
    v.number(label.count),
    v.integer(label.count),
    v.minValue(0, label.count),
    v.maxValue(2 ** 64, label.count),
  );
/** A reference `Option<T>`: missing or `null` reads as `null`. */
const option = <const TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.optional(v.nullable(schema), null);
/** A JSON array of `item`, read-only in the derived type. */
const list = <const TSchema extends v.GenericSchema>(item: TSchema) =>
  v.pipe(v.array(item, label.array), v.readonly());
/** A JSON object with `entries` (unknown keys dropped), read-only in the derived type. */
const record = <const TEntries extends v.ObjectEntries>(entries: TEntries, description: string) =>
  v.pipe(v.object(entries, label.object), v.readonly(), v.description(description));

/** `scenario`: which scenario ran, and how often (the reference's `ScenarioMetadata`). */
export const ScenarioMetadataSchema = record(
  {
    /** Manifest name (defaults to the manifest file stem). */
    name: v.pipe(text(), v.description('Scenario name (defaults to the manifest file stem).')),
    /** Entry path exactly as resolved from the manifest (not normalised). */
    entry: v.pipe(text(), v.description('Entry program path as resolved from the manifest, not normalised.')),
    /** Target name, e.g. `vm`. */
    target: v.pipe(text(), v.description('Target name, e.g. "vm".')),
    /** Number of timed iterations. */
    iterations_count: v.pipe(count(), v.description('Number of timed iterations.')),
    /** Number of untimed warm-up iterations. */
    warmup_count: v.pipe(count(), v.description('Number of untimed warm-up iterations.')),
  },
  'Which scenario ran, and how often.',
);

/** `backend`: the build that ran the bench (the reference's `BackendInfo`). */
export const BackendInfoSchema = record(
  {
    /** Target name (same as `scenario.target`). */
    name: v.pipe(text(), v.description('Target name (same as scenario.target).')),
    /** Version of the harness/runtime that produced the report. */
    aver_version: v.pipe(text(), v.description('Version of the runtime that produced the report.')),
    /** Build profile: `release` or `debug`. */
    build: v.pipe(text(), v.description('Build profile: "release" or "debug".')),
    /** Runtime version string for wasm targets, otherwise `null`. */
    wasmtime_version: v.pipe(
      option(text()),
      v.description('Runtime version for wasm targets, otherwise null. Missing reads as null.'),
    ),
  },
  'The build that ran the bench.',
);

/** `host`: the machine that ran the bench (the reference's `HostInfo`). */
export const HostInfoSchema = record(
  {
    /** Rust-style OS name: `linux`, `macos`, `windows`, ... */
    os: v.pipe(text(), v.description('OS name: "linux", "macos", "windows", ...')),
    /** Rust-style architecture name: `x86_64`, `aarch64`, ... */
    arch: v.pipe(text(), v.description('Architecture name: "x86_64", "aarch64", ...')),
    /** Available parallelism (1 when unknown). */
    cpus: v.pipe(count(), v.description('Available parallelism (1 when unknown).')),
  },
  'The machine that ran the bench; same shape on every target.',
);

/** `iterations`: wall-time statistics of the timed iterations, in milliseconds (`IterationStats`). */
export const IterationStatsSchema = record(
  {
    /** Fastest timed iteration, ms. */
    min_ms: milliseconds('Fastest timed iteration.'),
    /** Slowest timed iteration, ms. */
    max_ms: milliseconds('Slowest timed iteration.'),
    /** Mean of the timed iterations, ms. */
    mean_ms: milliseconds('Mean of the timed iterations.'),
    /** Nearest-rank 50th percentile, ms. */
    p50_ms: milliseconds('Nearest-rank 50th percentile.'),
    /** Nearest-rank 95th percentile, ms. */
    p95_ms: milliseconds('Nearest-rank 95th percentile.'),
    /** Nearest-rank 99th percentile, ms. */
    p99_ms: milliseconds('Nearest-rank 99th percentile.'),
  },
  'Wall-time statistics over the timed iterations, in milliseconds.',
);

/** `counters.functions[]`: counters of one Aver function in a counted run (an addition). */
export const FunctionCountersSchema = record(
  {
    /** The function's name as written in the source (`step`, `Module.fn`). */
    name: v.pipe(text(), v.description('Function name as written in the source.')),
    /** The source file that defines it, as the runtime names it. */
    file: v.pipe(text(), v.description('Source file that defines it.')),
    /** 1-based line of its definition; `null` for code outside any function (`__top_level__`). */
    line: v.pipe(
      option(count()),
      v.description('1-based line of its definition; null for code outside any function.'),
    ),
    /** Times it was called. */
    calls: v.pipe(count(), v.description('Times it was called.')),
    /** Instructions executed in its own frames (callees not included). */
    instructions: v.pipe(
      count(),
      v.description('Instructions executed in its own frames (callees excluded).'),
    ),
    /** Heap allocations made in its own frames. */
    allocations: v.pipe(count(), v.description('Heap allocations made in its own frames.')),
  },
  'Counters of one Aver function in the counted run.',
);

/** `counters`: deterministic counters of one counted run (an addition). */
export const RunCountersSchema = record(
  {
    /** Bytecode instructions executed. */
    instructions: v.pipe(count(), v.description('Bytecode instructions executed.')),
    /** Function calls made. */
    calls: v.pipe(count(), v.description('Function calls made.')),
    /** Heap allocations made. */
    allocations: v.pipe(count(), v.description('Heap allocations made.')),
    /**
     * Instructions executed per opcode (opcode name → count, written sorted by name); `null` when the target does not
     * count per opcode. The counts add up to `instructions`.
     */
    by_opcode: v.pipe(
      option(v.pipe(v.record(text(), count(), label.object), v.readonly())),
      v.description(
        'Addition: instructions executed per opcode (name → count, sorted by name); null when not counted.',
      ),
    ),
    /**
     * One row per Aver function that ran (calls, own instructions, own allocations), written most instructions
     * first; `null` when the target does not count per function.
     */
    functions: v.pipe(
      option(list(FunctionCountersSchema)),
      v.description(
        'Addition: one row per Aver function that ran, most instructions first; null when not counted.',
      ),
    ),
  },
  'Deterministic counters of one counted run.',
);

/** `replicates[].steady_state`: the steady-state test of one replicate's timed samples (see the runner's README). */
export const SteadyStateSchema = record(
  {
    /** Kendall's tau-b between sample index and duration; negative when later samples are faster. */
    kendall_tau: v.pipe(
      v.number(label.number),
      v.finite(label.finite),
      v.description(
        "Kendall's tau-b between sample index and duration; negative when later samples are faster.",
      ),
    ),
    /** One-sided p-value of "later samples are faster" (Mann–Kendall, asymptotic, ties corrected). */
    p_value: v.pipe(
      v.number(label.number),
      v.finite(label.finite),
      v.description(
        'One-sided p-value of "later samples are faster" (Mann-Kendall, asymptotic, ties corrected).',
      ),
    ),
    /** Median of the first third of the samples over the median of the last third. */
    early_late_ratio: v.pipe(
      v.number(label.number),
      v.finite(label.finite),
      v.description('Median of the first third of the samples over the median of the last third.'),
    ),
    /** Whether the samples were still trending down (`p_value < 0.01` and `early_late_ratio >= 1.05`). */
    trending: v.pipe(
      v.boolean(label.boolean),
      v.description(
        'Whether the samples were still trending down (p_value < 0.01 and early_late_ratio >= 1.05).',
      ),
    ),
  },
  "The steady-state test of one replicate's timed samples.",
);

/** `replicates[]`: one replicate, a fresh isolate with its own warm-up and timed samples (an addition). */
export const ReplicateRecordSchema = record(
  {
    /** This replicate's timed samples in ms, in measurement order. */
    samples_ms: v.pipe(
      list(milliseconds('One timed iteration.')),
      v.description("This replicate's timed samples in milliseconds, in measurement order."),
    ),
    /** Untimed warm-up runs this replicate made. */
    warmup_count: v.pipe(count(), v.description('Untimed warm-up runs this replicate made.')),
    /** For `warmup = "auto"`: whether the warm-up reached a stable run time within its budget; otherwise `null`. */
    warmup_stable: v.pipe(
      option(v.boolean(label.boolean)),
      v.description(
        'For warmup = "auto": whether the warm-up reached a stable run time within its budget; otherwise null.',
      ),
    ),
    /** The steady-state test of `samples_ms`; `null` when there were too few samples to test. */
    steady_state: v.pipe(
      option(SteadyStateSchema),
      v.description('The steady-state test of samples_ms; null when there were too few samples to test.'),
    ),
  },
  'One replicate: a fresh isolate with its own warm-up and timed samples.',
);

/** A whole report, as read from a report file or a baseline line: one JSON document, or one NDJSON line. */
export const BenchReportSchema = v.pipe(
  v.object(
    {
      /** Which scenario ran, and how often. */
      scenario: ScenarioMetadataSchema,
      /** The build that ran the bench. */
      backend: BackendInfoSchema,
      /** The machine that ran the bench. */
      host: HostInfoSchema,
      /** Wall-time statistics over the timed iterations, in ms. */
      iterations: IterationStatsSchema,
      /** Byte length of the rendered response; `null` when `main` returns `Unit`. */
      response_bytes: v.pipe(
        option(count()),
        v.description('Byte length of the rendered response; null when main returns Unit.'),
      ),
      /** Whether the response met `[expected]`; `null` when not checked (always, in the reference). */
      expected_match: v.pipe(
        option(v.boolean(label.boolean)),
        v.description('Whether the response met [expected]; null when not checked.'),
      ),
      /** Compiler pipeline stages that ran, in order. */
      passes_applied: v.pipe(list(text()), v.description('Compiler pipeline stages that ran, in order.')),
      /** IR-level allocation-site count, or `null`. */
      compiler_visible_allocs: v.pipe(
        option(count()),
        v.description('IR-level allocation-site count, or null.'),
      ),
      /** Addition: lowercase hex SHA-256 of the rendered response's UTF-8 bytes; `null` for `Unit`. */
      response_sha256: v.pipe(
        option(v.pipe(text(), v.regex(/^[0-9a-f]{64}$/, label.sha256))),
        v.description(
          'Addition: hex SHA-256 of the rendered response (UTF-8); null for Unit or when absent.',
        ),
      ),
      /** Addition: the timed samples in milliseconds, in measurement order; `null` when not recorded. */
      samples_ms: v.pipe(
        option(list(milliseconds('One timed iteration.'))),
        v.description('Addition: timed samples in milliseconds, in measurement order; null when absent.'),
      ),
      /** Addition: counters of one counted run, or `null` when not counted. */
      counters: v.pipe(
        option(RunCountersSchema),
        v.description('Addition: counters of one run; null when absent.'),
      ),
      /**
       * Addition: one record per replicate, in run order. Written only when it says more than the keys above
       * (several replicates, `warmup = "auto"`, or samples still trending down); absent reads as `null`.
       */
      replicates: v.pipe(
        option(list(ReplicateRecordSchema)),
        v.description(
          'Addition: one record per replicate, in run order; the top-level statistics and samples_ms cover all of them. Written only when it says more than the other keys (several replicates, warmup = "auto", or samples still trending down); null or absent otherwise.',
        ),
      ),
    },
    label.object,
  ),
  v.readonly(),
  v.title('aver bench report'),
  v.description(
    'One scenario report of `aver bench`. Unknown keys are allowed and ignored; keys not listed as required read as null when missing.',
  ),
);
