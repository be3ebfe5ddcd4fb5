import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors.js';
import { usage } from './messages.js';

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
  readonly json: boolean;
  readonly saveBaseline: string | null;
  readonly compare: string | null;
  readonly baselineDir: string | null;
  readonly failOnRegression: boolean;
  /** `--require-baseline`: a missing baseline (folder, host file, entry) fails the run. */
  readonly requireBaseline: boolean;
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
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(OPTIONS).map(([name, spec]) => [name, { type: spec.takesValue ? 'string' : 'boolean' }]),
    ) as Record<OptionName, { type: 'string' | 'boolean' }>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<OptionName, string | true>();
  const positionals: string[] = [];
  let wantsHelp = false;
  let wantsVersion = false;
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const name = resolveName(token.name, token.rawName);
    if (name === null) {
      problems.push(usage.unknownOption(token.rawName));
      continue;
    }
    if (name === 'help') wantsHelp = true;
    if (name === 'version') wantsVersion = true;
    const spec = OPTIONS[name];
    if (values.has(name)) problems.push(usage.repeated(spec.display));
    if (spec.takesValue) {
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-')) {
        problems.push(usage.missingValue(spec.display));
        continue;
      }
      if (value === '') problems.push(usage.emptyValue(spec.display));
      values.set(name, value);
    } else {
      if (token.value !== undefined) problems.push(usage.flagWithValue(spec.display, token.value));
      values.set(name, true);
    }
  }
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
  return {
    kind: 'run',
    options: {
      scenario: positionals[0],
      target: text('target') ?? 'vm',
      iterations: parseCount('iterations', text('iterations')),
      warmup: parseCount('warmup', text('warmup')),
      json: values.has('json'),
      saveBaseline: text('save-baseline'),
      compare: text('compare'),
      baselineDir: text('baseline-dir'),
      failOnRegression: values.has('fail-on-regression'),
      requireBaseline: values.has('require-baseline'),
    },
  };
}

function resolveName(name: string, rawName: string): OptionName | null {
  if (rawName.startsWith('--')) return name in OPTIONS ? (name as OptionName) : null;
  return SHORT_NAMES[name] ?? null;
}

/** A clap `usize`: decimal digits only (a leading `+` is allowed), within the safe integer range. */
function parseCount(name: 'iterations' | 'warmup', value: string | null): number | null {
  if (value === null) return null;
  const count = /^\+?[0-9]+$/.test(value) ? Number(value.replace(/^\+/, '')) : Number.NaN;
  if (!Number.isSafeInteger(count)) throw new UsageError(usage.badCount(OPTIONS[name].display, value));
  return count;
}
