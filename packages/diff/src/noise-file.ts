import * as v from 'valibot';

/**
 * The measured noise of one scenario on one machine (`aver-bench calibrate`): A/A rounds of the same program.
 * Each round runs `replicates` fresh isolates per side, interleaved ABBA, exactly like `aver-bench ab`.
 */
export interface ScenarioNoise {
  /**
   * Within-run floor, used by `ab`: the largest `|ratio − 1|` of the rounds' A/A comparisons, in percent. A same-job
   * A/B change smaller than this is what the machine does to identical code.
   */
  readonly same_run_pct: number;
  /**
   * Across-run floor, used against a stored baseline (`--compare`, `--baseline-dir`): the largest gap between two
   * rounds' locations (`max / min − 1` over every replicate of each round), in percent; it includes whole-run shifts
   * of a shared machine that interleaving cancels within one run but a stored baseline cannot.
   */
  readonly cross_run_pct: number;
  readonly rounds: number;
  /** Replicates per side in each round. */
  readonly replicates: number;
  /** Each round's location (median of its replicates' medians), ms. */
  readonly round_p50_ms: readonly number[];
  /** Each round's A/A ratio (second side over first). */
  readonly aa_ratios: readonly number[];
  /** When it was measured (ISO 8601, UTC). */
  readonly calibrated_at: string;
}

/** A noise file: one host and target, every calibrated scenario by name. */
export interface NoiseFile {
  readonly kind: 'aver-bench-noise';
  readonly version: 1;
  readonly host: { readonly os: string; readonly arch: string; readonly cpus: number };
  readonly target: string;
  readonly scenarios: Readonly<Record<string, ScenarioNoise>>;
}

const percent = v.pipe(v.number('number'), v.finite('finite number'), v.minValue(0, 'non-negative number'));
const positive = v.pipe(v.number('number'), v.finite('finite number'), v.gtValue(0, 'positive number'));
const count = v.pipe(v.number('number'), v.integer('positive integer'), v.minValue(1, 'positive integer'));

/** The valibot schema of a noise file; unknown keys are rejected so a typo cannot pass unnoticed. */
export const NoiseFileSchema = v.strictObject(
  {
    kind: v.literal('aver-bench-noise', '"aver-bench-noise"'),
    version: v.literal(1, '1'),
    host: v.strictObject(
      { os: v.string('string'), arch: v.string('string'), cpus: count },
      'object with os, arch, cpus',
    ),
    target: v.string('string'),
    scenarios: v.record(
      v.string('string'),
      v.strictObject(
        {
          same_run_pct: percent,
          cross_run_pct: percent,
          rounds: count,
          replicates: count,
          round_p50_ms: v.array(positive, 'array'),
          aa_ratios: v.array(positive, 'array'),
          calibrated_at: v.pipe(v.string('string'), v.isoTimestamp('ISO 8601 timestamp')),
        },
        'object',
      ),
      'object',
    ),
  },
  'object',
);

/** A noise file that is not JSON or does not match the format; the message names the key. */
export class NoiseFileError extends Error {
  override readonly name = 'NoiseFileError';
}

/**
 * Reads a noise file.
 * @param text The file's text.
 * @returns The validated file.
 * @throws {NoiseFileError} `invalid JSON: …` or `scenarios.fib.same_run_pct: expected non-negative number, got -1`.
 */
export function parseNoiseFile(text: string): NoiseFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new NoiseFileError(`invalid JSON: ${(error as Error).message}`);
  }
  const result = v.safeParse(NoiseFileSchema, value);
  if (result.success) return result.output as NoiseFile;
  const issue = result.issues[0];
  const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
  const got = issue.input === undefined ? 'nothing' : JSON.stringify(issue.input);
  throw new NoiseFileError(
    issue.input === undefined && path !== ''
      ? `${path}: required key is missing`
      : `${path === '' ? 'file' : path}: expected ${issue.expected === null ? issue.message : issue.message}, got ${got}`,
  );
}

/**
 * Writes a noise file: pretty JSON, scenarios sorted by name, with a final newline.
 * @param file The file.
 * @returns Its text.
 */
export function serializeNoiseFile(file: NoiseFile): string {
  const scenarios = Object.fromEntries(
    Object.keys(file.scenarios)
      .sort()
      .map((name) => [name, file.scenarios[name]]),
  );
  return `${JSON.stringify({ ...file, scenarios }, null, 2)}\n`;
}
