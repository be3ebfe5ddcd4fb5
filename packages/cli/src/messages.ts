import { escapeControlChars } from '@aver/bench-report';

/**
 * Every message text of the `aver-bench` command. Texts quoted from the reference (bench spec:
 * "How the CLI finds the baseline", "CLI: `aver bench`") are marked "reference"; colour is applied by the caller.
 */

/** Reference: `.av` mode with `--compare` or `--save-baseline`. */
export const adHocNeedsManifest = (): string =>
  'ad-hoc `.av` mode: --compare / --save-baseline need a `.toml` manifest with per-scenario tolerances';

/** Reference: a manifest that cannot be loaded. */
export const scenarioLoad = (detail: string): string => `scenario load: ${detail}`;

/** Reference: a scenario that cannot be run (single mode). */
export const benchRun = (detail: string): string => `bench run: ${detail}`;

/** Reference: a scenario that cannot be run (directory mode). */
export const benchRunNamed = (name: string, detail: string): string => `bench run (${name}): ${detail}`;

/** Reference: the baseline file cannot be written. */
export const saveBaselineWrite = (path: string, detail: string): string =>
  `save-baseline write '${path}': ${detail}`;

/** Reference (cyan): a single-report baseline was written. The arrow is U+2192. */
export const savedBaseline = (path: string): string => `Saved baseline → ${path}`;

/** Reference (cyan): a directory baseline was written. */
export const savedBaselineCount = (path: string, count: number): string =>
  `Saved baseline → ${path} (${count} scenario(s))`;

/** Reference: `--compare` file cannot be read. */
export const compareCannotRead = (path: string, detail: string): string =>
  `compare: cannot read baseline '${path}': ${detail}`;

/** Reference: `--compare` file is not a report or NDJSON of reports. */
export const compareCannotParse = (path: string, detail: string): string =>
  `compare: cannot parse baseline '${path}': ${detail}`;

/** Reference: the NDJSON baseline has no line for this scenario (exit 0). */
export const compareNoEntry = (path: string, name: string): string =>
  `compare: baseline '${path}' has no entry for scenario '${name}'`;

/** Reference: `--compare` in directory mode. */
export const directoryCompare = (): string =>
  'directory mode: --compare needs a single scenario; use --baseline-dir DIR for batch gating';

/** Reference: the scenarios folder cannot be listed. */
export const scenariosDirUnreadable = (dir: string, detail: string): string =>
  `scenarios dir '${dir}': ${detail}`;

/** Reference: the scenarios folder has no manifests. */
export const scenariosDirEmpty = (dir: string): string => `scenarios dir '${dir}' has no *.toml manifests`;

/** Reference: the host baseline of `--baseline-dir` cannot be read. */
export const baselineDirCannotRead = (path: string, detail: string): string =>
  `baseline-dir: cannot read '${path}': ${detail}`;

/** Reference: a line of the host baseline is not a report. */
export const baselineDirParse = (path: string, line: number, detail: string): string =>
  `baseline-dir: parse error '${path}' line ${line}: ${detail}`;

/** A baseline line (or, in a single-report file, the line of the offending key) and what is wrong there. */
export const onLine = (line: number, detail: string): string => `line ${line}: ${detail}`;

/** `--baseline-dir` names nothing (the reference skips the comparison silently). */
export const baselineDirMissing = (dir: string): string => `baseline-dir: folder '${dir}' does not exist`;

/** `--baseline-dir` names a file. */
export const baselineDirNotFolder = (dir: string): string => `baseline-dir: '${dir}' is not a folder`;

/** `--baseline-dir` cannot be inspected (permissions). */
export const baselineDirUnreadable = (dir: string, detail: string): string =>
  `baseline-dir: cannot read folder '${dir}': ${detail}`;

/** `--baseline-dir` has no file for this host (the reference's one lenient case; see `noHostBaseline`). */
export const hostBaselineMissing = (path: string): string =>
  `baseline-dir: no baseline for this host at '${path}'`;

/** A `--compare` file with no report in it (empty, or blank lines only). */
export const compareEmpty = (path: string): string => `compare: baseline '${path}' is empty`;

/** This host's `--baseline-dir` file with no report in it. */
export const baselineDirEmpty = (path: string): string => `baseline-dir: baseline '${path}' is empty`;

/** Directory mode: a scenario that ran has no line in this host's baseline. */
export const baselineDirNoEntry = (path: string, name: string): string =>
  `baseline-dir: baseline '${path}' has no entry for scenario '${name}'`;

/** A missing baseline that a gate flag turns into a failure (exit 1). */
export const failsWith = (problem: string, flag: string): string => `${problem} (fails with ${flag})`;

/** A missing baseline that does not fail the run: said on stderr, nothing compared. */
export const nothingCompared = (problem: string): string => `warning: ${problem}; nothing compared`;

/**
 * A baseline `p50_ms`/`p95_ms` of 0: growth over 0 is defined as 0 % (bench spec: "Comparison: `MetricDiff::new`"),
 * so it could never regress.
 */
export const zeroBaselineTime = (key: string): string =>
  `${key}: expected a time above 0, got 0 (no run can be slower than a baseline of 0 by a percentage)`;

/** Baseline statistics in an order no sample set has. */
export const statsOutOfOrder = (lowerKey: string, lower: number, upperKey: string, upper: number): string =>
  `${lowerKey}: ${lower} is above ${upperKey} (${upper}), which no sample set can give`;

/** A baseline mean outside the range of the samples. */
export const meanOutsideRange = (mean: number, min: number, max: number): string =>
  `iterations.mean_ms: ${mean} is outside min_ms..max_ms (${min}..${max}), which no sample set can give`;

/**
 * The response broke the manifest's `[expected]` bounds. `bounds` is the table as written
 * (`response_bytes = 5`), `got` what came back (`3 bytes: "832"`).
 */
export const expectedMismatch = (name: string, bounds: string, got: string): string =>
  `${name}: response does not match [expected] ${bounds}; got ${got}`;

/** The last response met the bounds, but an earlier timed iteration's did not. */
export const earlierIterationMismatch = (got: string): string =>
  `${got} on the last timed iteration, but an earlier one gave a response outside the bounds`;

/** A `main` that returned Unit has no response to measure. */
export const noResponse = (): string => 'no response (main returned Unit)';

/** The size and start of a response: `3 bytes: "832"`. */
export const responseShown = (bytes: number, quoted: string): string =>
  `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}: ${quoted}`;

/** Ours: an `[expected]` mismatch without `--fail-on-regression`. */
export const warning = (text: string): string => `warning: ${text}`;

/** Reference: directory mode, human output, a scenario missing from the baseline. The dash is U+2014. */
export const noBaselineEntry = (name: string): string =>
  `${escapeControlChars(name)}: no baseline entry — skipped\n`;

/** `--baseline-dir` without a baseline for this host: the reference is silent; we say so on stderr. */
export const noHostBaseline = (path: string): string =>
  `note: no baseline for this host at '${path}'; nothing compared`;

/** `--iterations`/`--warmup` given for a manifest or folder, where the reference ignores them silently. */
export const countsIgnored = (flags: readonly string[], scenario: string): string =>
  `warning: ${flags.join(' and ')} ${flags.length === 1 ? 'applies' : 'apply'} to an ad-hoc .av run only; ` +
  `ignored for '${scenario}' ` +
  '(set `iterations` / `warmup` in the manifest)';

/** A manifest warning (unknown key), printed on stderr. */
export const manifestWarning = (text: string): string => `warning: ${text}`;

/** Standard output cannot be written (a full disk, a closed descriptor); Rust's `println!` says the same. */
export const stdoutWrite = (detail: string): string => `failed printing to stdout: ${detail}`;

/** A bug: an error nobody expected. */
export const internalError = (detail: string): string => `aver-bench: internal error: ${detail}`;

/** Usage errors (exit 2), in clap's words where clap has them. */
export const usage = {
  prefix: 'aver-bench: error: ',
  footer: "\n\nUsage: aver-bench SCENARIO [OPTIONS]\n\nFor more information, try '--help'.",
  commandFooter: (command: string, args: string): string =>
    `\n\nUsage: aver-bench ${command} ${args} [OPTIONS]\n\nFor more information, try 'aver-bench ${command} --help'.`,
  missingScenario: (): string => 'the following required arguments were not provided: <SCENARIO>',
  missingArgument: (name: string): string => `the following required arguments were not provided: ${name}`,
  unexpectedArgument: (arg: string): string => `unexpected argument '${arg}' found`,
  unknownOption: (option: string): string => `unexpected argument '${option}' found`,
  missingValue: (option: string): string => `a value is required for '${option}' but none was supplied`,
  flagWithValue: (option: string, value: string): string =>
    `unexpected value '${value}' for '${option}' found; no more were expected`,
  repeated: (option: string): string => `the argument '${option}' cannot be used multiple times`,
  conflict: (first: string, second: string): string =>
    `the argument '${first}' cannot be used with '${second}'`,
  badCount: (option: string, value: string): string =>
    `invalid value '${value}' for '${option}': expected a non-negative integer`,
  badWarmup: (option: string, value: string): string =>
    `invalid value '${value}' for '${option}': expected a non-negative integer or auto`,
  badAtLeast: (option: string, value: string, least: number): string =>
    `invalid value '${value}' for '${option}': expected an integer of at least ${least}`,
  badPositive: (option: string, value: string): string =>
    `invalid value '${value}' for '${option}': expected a positive integer`,
  badDuration: (option: string, value: string): string =>
    `invalid value '${value}' for '${option}': expected a positive whole number of ms, or with a unit: 500ms, 30s, 2m`,
  badTargetList: (option: string, value: string): string =>
    `invalid value '${value}' for '${option}': expected target names separated by commas, e.g. vm,js`,
  repeatedTarget: (option: string, name: string): string =>
    `the target '${name}' is given twice in '${option}'`,
  emptyValue: (option: string): string => `invalid value '' for '${option}': a value must not be empty`,
  badChoice: (option: string, value: string, choices: readonly string[]): string =>
    `invalid value '${value}' for '${option}': expected one of ${choices.join(', ')}`,
  badShard: (option: string, value: string): string =>
    `invalid value '${value}' for '${option}': expected K/N with 1 <= K <= N, e.g. 2/4`,
  requiresOneOf: (option: string, others: readonly string[]): string =>
    `the argument '${option}' requires ${others.map((other) => `'${other}'`).join(' or ')}`,
};

/** `$GITHUB_STEP_SUMMARY` is set but cannot be appended to. */
export const stepSummaryWrite = (path: string, detail: string): string =>
  `cannot append the summary to $GITHUB_STEP_SUMMARY '${path}': ${detail}`;

/** A subcommand cannot read one of its input files. */
export const commandCannotRead = (command: string, path: string, detail: string): string =>
  `${command}: cannot read '${path}': ${detail}`;

/** A subcommand cannot write its output file. */
export const commandCannotWrite = (command: string, path: string, detail: string): string =>
  `${command}: cannot write '${path}': ${detail}`;

/** A subcommand failed on its input (the detail names the file and line). */
export const commandFailed = (command: string, detail: string): string => `${command}: ${detail}`;

/** A subcommand skipped something in its input. */
export const commandWarning = (command: string, detail: string): string => `warning: ${command}: ${detail}`;

/** (cyan) `report -o FILE` wrote its page. */
export const wroteReport = (path: string, scenarios: number): string =>
  `Wrote report → ${path} (${scenarios} scenario(s))`;

/** (cyan) `merge -o FILE` wrote the merged run. */
export const wroteMerge = (path: string, shards: number, reports: number): string =>
  `Merged ${shards} shard(s), ${reports} report(s) → ${path}`;

/** `--shard` outside directory mode. */
export const shardNeedsFolder = (): string => '--shard K/N needs a folder of scenarios';

/** (dim) What this shard runs. */
export const shardNotice = (
  index: number,
  count: number,
  assigned: readonly string[],
  total: number,
): string =>
  `shard ${index}/${count}: ${assigned.length} of ${total} scenario(s)` +
  (assigned.length === 0 ? ' (nothing to run)' : `: ${assigned.join(', ')}`);

/** The progress bar's line: `[█████░░░] 40% | 3/9 map_build | 0:12 elapsed | eta 0:18`. */
export const progressLine = (
  bar: string,
  percent: number,
  position: string,
  scenario: string,
  elapsed: string,
  eta: string,
): string => `${bar} ${percent}% | ${position} ${scenario} | ${elapsed} elapsed | eta ${eta}`;

/** The scenario in the progress bar while it runs several replicates: `fib (replicate 2/5)`. */
export const progressReplicate = (name: string, replicate: number, count: number): string =>
  `${name} (replicate ${replicate}/${count})`;

/** The progress bar's estimate before anything finished. */
export const progressUnknown = '…';

/** Two targets rendered different responses for one scenario (the correctness gate between backends). */
export const targetsDisagree = (
  scenario: string,
  first: string,
  other: string,
  offset: number,
  firstBytes: string,
  otherBytes: string,
): string =>
  `targets disagree on scenario '${scenario}': ${first} and ${other} responses differ at byte ${offset}: ` +
  `${first} ${firstBytes}, ${other} ${otherBytes}`;

/** ` in replicate 2 of 5`, or nothing for a single replicate. */
export const replicateOf = (index: number, total: number): string => ` in replicate ${index} of ${total}`;

/** A replicate's timed samples were still getting faster. */
export const stillTrending = (label: string, which: string, tau: number, p: number, ratio: number): string =>
  `warning: ${label}: timed samples still trending down${which} (Kendall tau ${tau.toFixed(2)}, ` +
  `p ${p.toPrecision(2)}, first third ${ratio.toFixed(2)}x the last); the JIT may still be warming up: ` +
  'raise `warmup` or set `warmup = "auto"`';

/** `warmup = "auto"` spent its budget before the run time was stable. */
export const warmupUnstable = (label: string, which: string, runs: number): string =>
  `warning: ${label}: warmup = "auto" stopped at its budget${which} after ${runs} runs without a stable run time`;

/** (red) A contained failure of one scenario in a folder. */
export const scenarioFailed = (name: string, target: string, detail: string, several: boolean): string =>
  `bench run (${name}${several ? ` [${target}]` : ''}): ${detail}`;

/** `--save-baseline` after some scenario failed: the baseline would miss it. */
export const baselineNotSaved = (path: string, failed: number): string =>
  `save-baseline: '${path}' not written: ${failed} scenario run(s) failed`;

/** Several targets with an option that reads or writes one target's baseline file. */
export const oneTargetOnly = (option: string): string =>
  `${option} works with one target at a time; --baseline-dir keeps one file per target`;

/** A target package is installed but cannot be imported. */
export const targetPackageLoad = (pkg: string, where: string, detail: string): string =>
  `cannot load bench target package ${pkg} (${where}): ${detail}`;

/** A target package does not export a target. */
export const targetPackageNoExport = (pkg: string): string =>
  `bench target package ${pkg} does not export \`target\` (an object with name, moduleUrl and prepare)`;

/** A target package exports a target of another name. */
export const targetPackageWrongName = (pkg: string, got: string, expected: string): string =>
  `bench target package ${pkg} exports target '${got}', not '${expected}'`;

/** A noise file exists but cannot be read. */
export const noiseCannotRead = (path: string, detail: string): string =>
  `noise: cannot read '${path}': ${detail}`;

/** A noise file is not valid. */
export const noiseCannotParse = (path: string, detail: string): string =>
  `noise: cannot parse '${path}': ${detail}`;

/** Texts of the statistical comparison with a stored baseline (`--compare`/`--baseline-dir` with replicates). */
export const statistical = {
  /** (dim) Before the confirmation round of the scenarios a gate would otherwise decide on one round. */
  confirming: (count: number): string =>
    `confirming ${count} scenario${count === 1 ? '' : 's'} (regression or inconclusive against the baseline) with one more round`,
  /** (dim) The baseline has replicates but this run has not: the reference comparison was made instead. */
  runWithoutReplicates: (names: readonly string[], replicates: number): string =>
    `note: compared the reference way because this run has one replicate and the baseline ${replicates}: ` +
    `${names.join(', ')} (run with --replicates ${replicates} for the statistical comparison)`,
  /** (dim) This run has replicates but the baseline has not (a reference-format baseline). */
  baselineWithoutReplicates: (names: readonly string[]): string =>
    `note: compared the reference way because the baseline has no replicates: ${names.join(', ')} ` +
    '(save the baseline with --replicates N for the statistical comparison)',
};

/** `--profile-out`: nothing that ran was counted per function. */
export const profileNothing = (path: string): string =>
  `profile-out: '${path}' not written: no counted run has per-function counts`;

/** (yellow) `--profile-out`: runs without per-function counts are left out. */
export const profileSkipped = (labels: readonly string[]): string =>
  `warning: profile-out: no per-function counts for ${labels.join(', ')}; left out of the profile`;

/** `--profile-out`: the file cannot be written. */
export const profileWrite = (path: string, detail: string): string =>
  `profile-out write '${path}': ${detail}`;

/** (cyan) `--profile-out` wrote its file. */
export const wroteProfile = (path: string, count: number): string =>
  `Wrote profile → ${path} (${count} counted run${count === 1 ? '' : 's'}; open it in https://www.speedscope.app)`;

/** `calibrate`: the noise file (or its folder) cannot be written. */
export const noiseWrite = (path: string, detail: string): string =>
  `calibrate: cannot write '${path}': ${detail}`;

/** `ab`: texts of the A/B command. */
export const ab = {
  noScenarios: (path: string): string => `ab: '${path}' is neither a manifest nor a folder of manifests`,
  onlyOneSide: (name: string, side: 'base' | 'head'): string =>
    `ab: scenario '${name}' is only in ${side}; skipped`,
  nothingMatched: (): string => 'ab: base and head have no scenario name in common',
  duplicate: (name: string, side: string): string => `ab: two manifests in ${side} are named '${name}'`,
  confirming: (count: number): string =>
    `ab: confirming ${count} scenario${count === 1 ? '' : 's'} (regression or inconclusive) with one more round`,
  expectedMismatch: (name: string, side: 'base' | 'head'): string =>
    `${name}: the ${side} response does not match its [expected] bounds`,
};

/** `calibrate`: one scenario's measured noise (stdout). */
export const calibrated = (
  name: string,
  same: number,
  cross: number,
  rounds: number,
  replicates: number,
): string =>
  `${name}: noise floor ${same}% within a run, ${cross}% across runs (${rounds} A/A rounds of ${replicates} replicates per side)\n`;

/** `calibrate`: the noise file was written. */
export const savedNoise = (path: string, count: number): string =>
  `Saved noise → ${path} (${count} scenario${count === 1 ? '' : 's'})`;

/** `--emit-js`: the js target's package has no program emitter (another `@aver/bench-target-js`). */
export const emitJsUnsupported = (): string =>
  "--emit-js: the installed target 'js' cannot emit its program (its package has no emitProgram)";

/** `--emit-js`: a scenario's program could not be compiled to JavaScript. */
export const emitJsFailed = (name: string, detail: string): string => `emit-js (${name}): ${detail}`;

/** `--emit-js`: a module could not be written. */
export const emitJsWrite = (path: string, detail: string): string =>
  `emit-js: cannot write '${path}': ${detail}`;

/** `--emit-js`: what was written. */
export const emittedJs = (dir: string, count: number): string =>
  `Wrote ${count} generated JavaScript module${count === 1 ? '' : 's'} → ${dir}`;
