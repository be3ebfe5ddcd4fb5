import * as v from 'valibot';

/*
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

/** `scenario`: which scenario ran, and how often. */
export const ScenarioMetadataSchema = v.pipe(
  v.object(
    {
      name: v.pipe(text(), v.description('Scenario name (defaults to the manifest file stem).')),
      entry: v.pipe(
        text(),
        v.description('Entry program path as resolved from the manifest, not normalised.'),
      ),
      target: v.pipe(text(), v.description('Target name, e.g. "vm".')),
      iterations_count: v.pipe(count(), v.description('Number of timed iterations.')),
      warmup_count: v.pipe(count(), v.description('Number of untimed warm-up iterations.')),
    },
    label.object,
  ),
  v.description('Which scenario ran, and how often.'),
);

/** `backend`: the build that ran the bench. */
export const BackendInfoSchema = v.pipe(
  v.object(
    {
      name: v.pipe(text(), v.description('Target name (same as scenario.target).')),
      aver_version: v.pipe(text(), v.description('Version of the runtime that produced the report.')),
      build: v.pipe(text(), v.description('Build profile: "release" or "debug".')),
      wasmtime_version: v.pipe(
        option(text()),
        v.description('Runtime version for wasm targets, otherwise null. Missing reads as null.'),
      ),
    },
    label.object,
  ),
  v.description('The build that ran the bench.'),
);

/** `host`: the machine that ran the bench. */
export const HostInfoSchema = v.pipe(
  v.object(
    {
      os: v.pipe(text(), v.description('OS name: "linux", "macos", "windows", ...')),
      arch: v.pipe(text(), v.description('Architecture name: "x86_64", "aarch64", ...')),
      cpus: v.pipe(count(), v.description('Available parallelism (1 when unknown).')),
    },
    label.object,
  ),
  v.description('The machine that ran the bench; same shape on every target.'),
);

/** `iterations`: wall-time statistics of the timed iterations, in milliseconds. */
export const IterationStatsSchema = v.pipe(
  v.object(
    {
      min_ms: milliseconds('Fastest timed iteration.'),
      max_ms: milliseconds('Slowest timed iteration.'),
      mean_ms: milliseconds('Mean of the timed iterations.'),
      p50_ms: milliseconds('Nearest-rank 50th percentile.'),
      p95_ms: milliseconds('Nearest-rank 95th percentile.'),
      p99_ms: milliseconds('Nearest-rank 99th percentile.'),
    },
    label.object,
  ),
  v.description('Wall-time statistics over the timed iterations, in milliseconds.'),
);

/** `counters.functions[]`: counters of one Aver function. */
export const FunctionCountersSchema = v.pipe(
  v.object(
    {
      name: v.pipe(text(), v.description('Function name as written in the source.')),
      file: v.pipe(text(), v.description('Source file that defines it.')),
      line: v.pipe(
        option(count()),
        v.description('1-based line of its definition; null for code outside any function.'),
      ),
      calls: v.pipe(count(), v.description('Times it was called.')),
      instructions: v.pipe(
        count(),
        v.description('Instructions executed in its own frames (callees excluded).'),
      ),
      allocations: v.pipe(count(), v.description('Heap allocations made in its own frames.')),
    },
    label.object,
  ),
  v.description('Counters of one Aver function in the counted run.'),
);

/** `counters`: deterministic counters of one counted run. */
export const RunCountersSchema = v.pipe(
  v.object(
    {
      instructions: v.pipe(count(), v.description('Bytecode instructions executed.')),
      calls: v.pipe(count(), v.description('Function calls made.')),
      allocations: v.pipe(count(), v.description('Heap allocations made.')),
      by_opcode: v.pipe(
        option(v.record(text(), count(), label.object)),
        v.description(
          'Addition: instructions executed per opcode (name → count, sorted by name); null when not counted.',
        ),
      ),
      functions: v.pipe(
        option(v.array(FunctionCountersSchema, label.array)),
        v.description(
          'Addition: one row per Aver function that ran, most instructions first; null when not counted.',
        ),
      ),
    },
    label.object,
  ),
  v.description('Deterministic counters of one counted run.'),
);

/** `replicates[].steady_state`: the steady-state test of one replicate's samples. */
export const SteadyStateSchema = v.pipe(
  v.object(
    {
      kendall_tau: v.pipe(
        v.number(label.number),
        v.finite(label.finite),
        v.description(
          "Kendall's tau-b between sample index and duration; negative when later samples are faster.",
        ),
      ),
      p_value: v.pipe(
        v.number(label.number),
        v.finite(label.finite),
        v.description(
          'One-sided p-value of "later samples are faster" (Mann-Kendall, asymptotic, ties corrected).',
        ),
      ),
      early_late_ratio: v.pipe(
        v.number(label.number),
        v.finite(label.finite),
        v.description('Median of the first third of the samples over the median of the last third.'),
      ),
      trending: v.pipe(
        v.boolean(label.boolean),
        v.description(
          'Whether the samples were still trending down (p_value < 0.01 and early_late_ratio >= 1.05).',
        ),
      ),
    },
    label.object,
  ),
  v.description("The steady-state test of one replicate's timed samples."),
);

/** `replicates[]`: one fresh isolate's warm-up and timed samples. */
export const ReplicateRecordSchema = v.pipe(
  v.object(
    {
      samples_ms: v.pipe(
        v.array(milliseconds('One timed iteration.'), label.array),
        v.description("This replicate's timed samples in milliseconds, in measurement order."),
      ),
      warmup_count: v.pipe(count(), v.description('Untimed warm-up runs this replicate made.')),
      warmup_stable: v.pipe(
        option(v.boolean(label.boolean)),
        v.description(
          'For warmup = "auto": whether the warm-up reached a stable run time within its budget; otherwise null.',
        ),
      ),
      steady_state: v.pipe(
        option(SteadyStateSchema),
        v.description('The steady-state test of samples_ms; null when there were too few samples to test.'),
      ),
    },
    label.object,
  ),
  v.description('One replicate: a fresh isolate with its own warm-up and timed samples.'),
);

/** A whole report, as read from a report file or a baseline line. */
export const BenchReportSchema = v.pipe(
  v.object(
    {
      scenario: ScenarioMetadataSchema,
      backend: BackendInfoSchema,
      host: HostInfoSchema,
      iterations: IterationStatsSchema,
      response_bytes: v.pipe(
        option(count()),
        v.description('Byte length of the rendered response; null when main returns Unit.'),
      ),
      expected_match: v.pipe(
        option(v.boolean(label.boolean)),
        v.description('Whether the response met [expected]; null when not checked.'),
      ),
      passes_applied: v.pipe(
        v.array(text(), label.array),
        v.description('Compiler pipeline stages that ran, in order.'),
      ),
      compiler_visible_allocs: v.pipe(
        option(count()),
        v.description('IR-level allocation-site count, or null.'),
      ),
      response_sha256: v.pipe(
        option(v.pipe(text(), v.regex(/^[0-9a-f]{64}$/, label.sha256))),
        v.description(
          'Addition: hex SHA-256 of the rendered response (UTF-8); null for Unit or when absent.',
        ),
      ),
      samples_ms: v.pipe(
        option(v.array(milliseconds('One timed iteration.'), label.array)),
        v.description('Addition: timed samples in milliseconds, in measurement order; null when absent.'),
      ),
      counters: v.pipe(
        option(RunCountersSchema),
        v.description('Addition: counters of one run; null when absent.'),
      ),
      replicates: v.pipe(
        option(v.array(ReplicateRecordSchema, label.array)),
        v.description(
          'Addition: one record per replicate, in run order; the top-level statistics and samples_ms cover all of them. Written only when it says more than the other keys (several replicates, warmup = "auto", or samples still trending down); null or absent otherwise.',
        ),
      ),
    },
    label.object,
  ),
  v.title('aver bench report'),
  v.description(
    'One scenario report of `aver bench`. Unknown keys are allowed and ignored; keys not listed as required read as null when missing.',
  ),
);
