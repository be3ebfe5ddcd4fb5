import { UsageError } from './cli-errors.js';
import { usage } from './messages.js';
import { scanOptions } from './scan-options.js';

/** The options of one `aver-bench` run, after validation. */
export interface CliOptions {
  /** A `.toml` manifest, an `.av` program or a folder. */
  readonly scenario: string;
  /** `--target`, default `vm`. */
  readonly target: string;
  /** `--iterations` (ad-hoc `.av` only), `null` when absent. */
  readonly iterations: number | null;
  /** `--warmup` (ad-hoc `.av` only), `null` when absent. */
  readonly warmup: number | null;
  /** `--json`, or `--format json`. */
  readonly json: boolean;
  /** `--format`: `human` (default), `json` (as `--json`), `markdown` or `bmf` (a summary after the run). */
  readonly format: OutputFormat;
  /** `--shard K/N` (directory mode): run only the K-th of N slices of the folder. */
  readonly shard: ShardSpec | null;
  readonly saveBaseline: string | null;
  readonly compare: string | null;
  readonly baselineDir: string | null;
  readonly failOnRegression: boolean;
  /** `--require-baseline`: a missing baseline (folder, host file, entry) fails the run. */
  readonly requireBaseline: boolean;
}

/** How a run prints its results. */
export type OutputFormat = 'human' | 'json' | 'markdown' | 'bmf';

/** The formats `--format` accepts, in the order the help lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['human', 'json', 'markdown', 'bmf'];

/** `--shard K/N`: the K-th (1-based) of N slices. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** What the command line asks for. */
export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly options: CliOptions };

/** Option name → the spelling used in messages, and whether it takes a value. */
const OPTIONS = {
  target: { display: '--target <T>', takesValue: true },
  iterations: { display: '--iterations <N>', takesValue: true },
  warmup: { display: '--warmup <N>', takesValue: true },
  json: { display: '--json', takesValue: false },
  format: { display: '--format <FORMAT>', takesValue: true },
  shard: { display: '--shard <K/N>', takesValue: true },
  'save-baseline': { display: '--save-baseline <PATH>', takesValue: true },
  compare: { display: '--compare <PATH>', takesValue: true },
  'baseline-dir': { display: '--baseline-dir <DIR>', takesValue: true },
  'fail-on-regression': { display: '--fail-on-regression', takesValue: false },
  'require-baseline': { display: '--require-baseline', takesValue: false },
  help: { display: '--help', takesValue: false },
  version: { display: '--version', takesValue: false },
} as const;
type OptionName = keyof typeof OPTIONS;

const SHORT_NAMES: Readonly<Record<string, OptionName>> = { h: 'help', V: 'version' };

/**
 * Parses `aver-bench` arguments with `node:util` `parseArgs` and checks them the way clap does in the reference:
 * unknown options, missing values, repeated options, `--compare` with `--baseline-dir`, and counts that are not
 * non-negative integers are usage errors. `--help` and `--version` win over everything else.
 * @param argv The arguments after the program name.
 * @returns What to do.
 * @throws {UsageError} When the command line is wrong (exit 2).
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  const { values, positionals, problems } = scanOptions(argv, OPTIONS, SHORT_NAMES);
  const wantsHelp = values.has('help');
  const wantsVersion = values.has('version');
  if (wantsHelp) return { kind: 'help' };
  if (wantsVersion) return { kind: 'version' };
  if (problems.length > 0) throw new UsageError(problems[0]);
  if (positionals.length === 0) throw new UsageError(usage.missingScenario());
  if (positionals.length > 1) throw new UsageError(usage.unexpectedArgument(positionals[1]));
  if (values.has('compare') && values.has('baseline-dir')) {
    throw new UsageError(usage.conflict(OPTIONS.compare.display, OPTIONS['baseline-dir'].display));
  }
  if (values.has('require-baseline') && !values.has('compare') && !values.has('baseline-dir')) {
    throw new UsageError(
      usage.requiresOneOf(OPTIONS['require-baseline'].display, [
        OPTIONS['baseline-dir'].display,
        OPTIONS.compare.display,
      ]),
    );
  }
  const text = (name: OptionName): string | null => {
    const value = values.get(name);
    return typeof value === 'string' ? value : null;
  };
  const format = parseFormat(text('format'), values.has('json'));
  return {
    kind: 'run',
    options: {
      scenario: positionals[0],
      target: text('target') ?? 'vm',
      iterations: parseCount('iterations', text('iterations')),
      warmup: parseCount('warmup', text('warmup')),
      json: format === 'json',
      format,
      shard: parseShard(text('shard')),
      saveBaseline: text('save-baseline'),
      compare: text('compare'),
      baselineDir: text('baseline-dir'),
      failOnRegression: values.has('fail-on-regression'),
      requireBaseline: values.has('require-baseline'),
    },
  };
}

/** A clap `usize`: decimal digits only (a leading `+` is allowed), within the safe integer range. */
function parseCount(name: 'iterations' | 'warmup', value: string | null): number | null {
  if (value === null) return null;
  const count = /^\+?[0-9]+$/.test(value) ? Number(value.replace(/^\+/, '')) : Number.NaN;
  if (!Number.isSafeInteger(count)) throw new UsageError(usage.badCount(OPTIONS[name].display, value));
  return count;
}

/** `--format`, reconciled with `--json` (which is `--format json`). */
function parseFormat(value: string | null, json: boolean): OutputFormat {
  if (value === null) return json ? 'json' : 'human';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(usage.badChoice(OPTIONS.format.display, value, OUTPUT_FORMATS));
  }
  if (json && value !== 'json')
    throw new UsageError(usage.conflict(OPTIONS.json.display, OPTIONS.format.display));
  return value as OutputFormat;
}

/** `K/N` with 1 <= K <= N. */
function parseShard(value: string | null): ShardSpec | null {
  if (value === null) return null;
  const match = /^([0-9]+)\/([0-9]+)$/.exec(value);
  const index = match === null ? Number.NaN : Number(match[1]);
  const count = match === null ? Number.NaN : Number(match[2]);
  if (
    !Number.isSafeInteger(index) ||
    !Number.isSafeInteger(count) ||
    index < 1 ||
    count < 1 ||
    index > count
  ) {
    throw new UsageError(usage.badShard(OPTIONS.shard.display, value));
  }
  return { index, count };
}
