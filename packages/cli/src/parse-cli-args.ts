import { UsageError } from './cli-errors.js';
import { usage } from './messages.js';
import { scanOptions } from './scan-options.js';

/** The options of one `aver-bench` run, after validation. */
export interface CliOptions {
  /** A `.toml` manifest, an `.av` program or a folder. */
  readonly scenario: string;
  /** The first of `--target`'s names, default `vm`. */
  readonly target: string;
  /** `--target NAME[,NAME...]`: every target to run each scenario on, in order, without repeats. */
  readonly targets: readonly string[];
  /** `--iterations` (ad-hoc `.av` only), `null` when absent. */
  readonly iterations: number | null;
  /** `--warmup` (ad-hoc `.av` only): a count or `'auto'`, `null` when absent. */
  readonly warmup: number | 'auto' | null;
  /** `--replicates N` (N >= 1): fresh isolates per scenario and target; `null` when absent (one). */
  readonly replicates: number | null;
  /** `--isolation`: `worker` (default) or `process`; `null` when absent. */
  readonly isolation: CliIsolation | null;
  /** `--timeout DURATION` in ms: every scenario's time limit, over the manifest's `timeout_ms`; `null` when absent. */
  readonly timeoutMs: number | null;
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
  /**
   * Whether the gate confirms a statistical `regression` or `inconclusive` verdict with one more round before the
   * exit code (with `--fail-on-regression`); `--no-confirm` turns it off.
   */
  readonly confirm: boolean;
  /** `--profile-out FILE`: write the counted runs as a speedscope profile; `null` when absent. */
  readonly profileOut: string | null;
  /** `--emit-js DIR`: write each scenario's program as compiled by the js target into DIR; `null` when absent. */
  readonly emitJs: string | null;
}

/** What `--isolation` accepts. */
export type CliIsolation = 'worker' | 'process';

/** The isolations `--isolation` accepts. */
export const ISOLATIONS: readonly CliIsolation[] = ['worker', 'process'];

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
  warmup: { display: '--warmup <N|auto>', takesValue: true },
  replicates: { display: '--replicates <N>', takesValue: true },
  isolation: { display: '--isolation <ISOLATION>', takesValue: true },
  timeout: { display: '--timeout <DURATION>', takesValue: true },
  json: { display: '--json', takesValue: false },
  format: { display: '--format <FORMAT>', takesValue: true },
  shard: { display: '--shard <K/N>', takesValue: true },
  'save-baseline': { display: '--save-baseline <PATH>', takesValue: true },
  compare: { display: '--compare <PATH>', takesValue: true },
  'baseline-dir': { display: '--baseline-dir <DIR>', takesValue: true },
  'fail-on-regression': { display: '--fail-on-regression', takesValue: false },
  'require-baseline': { display: '--require-baseline', takesValue: false },
  'no-confirm': { display: '--no-confirm', takesValue: false },
  'profile-out': { display: '--profile-out <FILE>', takesValue: true },
  'emit-js': { display: '--emit-js <DIR>', takesValue: true },
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
  const targets = parseTargets(text('target') ?? 'vm');
  return {
    kind: 'run',
    options: {
      scenario: positionals[0],
      target: targets[0]!,
      targets,
      iterations: parseCount('iterations', text('iterations')),
      warmup: parseWarmup(text('warmup')),
      replicates: parseReplicates(text('replicates')),
      isolation: parseIsolation(text('isolation')),
      timeoutMs: parseDuration(text('timeout')),
      json: format === 'json',
      format,
      shard: parseShard(text('shard')),
      saveBaseline: text('save-baseline'),
      compare: text('compare'),
      baselineDir: text('baseline-dir'),
      failOnRegression: values.has('fail-on-regression'),
      requireBaseline: values.has('require-baseline'),
      confirm: !values.has('no-confirm'),
      profileOut: text('profile-out'),
      emitJs: text('emit-js'),
    },
  };
}

/** A clap `usize`: decimal digits only (a leading `+` is allowed), within the safe integer range. */
function parseCount(name: 'iterations' | 'warmup' | 'replicates', value: string | null): number | null {
  if (value === null) return null;
  const count = /^\+?[0-9]+$/.test(value) ? Number(value.replace(/^\+/, '')) : Number.NaN;
  if (!Number.isSafeInteger(count)) throw new UsageError(usage.badCount(OPTIONS[name].display, value));
  return count;
}

/** `--warmup`: a count, or `auto`. */
function parseWarmup(value: string | null): number | 'auto' | null {
  if (value === 'auto') return 'auto';
  try {
    return parseCount('warmup', value);
  } catch {
    throw new UsageError(usage.badWarmup(OPTIONS.warmup.display, value!));
  }
}

/** `--replicates`: a count of at least 1. */
function parseReplicates(value: string | null): number | null {
  const count = parseCount('replicates', value);
  if (count === 0) throw new UsageError(usage.badPositive(OPTIONS.replicates.display, value!));
  return count;
}

function parseIsolation(value: string | null): CliIsolation | null {
  if (value === null) return null;
  if (!(ISOLATIONS as readonly string[]).includes(value)) {
    throw new UsageError(usage.badChoice(OPTIONS.isolation.display, value, ISOLATIONS));
  }
  return value as CliIsolation;
}

/** Milliseconds per unit of a `--timeout` value. */
const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

/** `--timeout`: a positive whole number with an optional unit (`ms`, the default, `s` or `m`), in ms. */
function parseDuration(value: string | null): number | null {
  if (value === null) return null;
  const match = /^([0-9]+)(ms|s|m)?$/.exec(value);
  const ms = match === null ? Number.NaN : Number(match[1]) * DURATION_UNITS[match[2] ?? 'ms']!;
  if (!Number.isSafeInteger(ms) || ms < 1)
    throw new UsageError(usage.badDuration(OPTIONS.timeout.display, value));
  return ms;
}

/** `--target NAME[,NAME...]`: names separated by commas, none empty, none twice. */
function parseTargets(value: string): string[] {
  const names = value.split(',');
  if (names.some((name) => name === ''))
    throw new UsageError(usage.badTargetList(OPTIONS.target.display, value));
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new UsageError(usage.repeatedTarget(OPTIONS.target.display, repeated));
  return names;
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
