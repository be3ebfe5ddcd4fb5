import { ManifestError } from '@aver/bench-manifest';
import { escapeControlChars, escapeControlCharsInText } from '@aver/bench-report';
import type { RunScenarioOptions } from '@aver/bench-runner';
import { isRunError, TargetError } from '@aver/bench-runner';
import { CliError, UsageError } from './cli-errors.js';
import { findSubcommand, SUBCOMMANDS } from './commands/subcommands.js';
import type { CliIo, Terminal } from './cli-io.js';
import { createTerminal } from './cli-io.js';
import { emitJsModules } from './emit-js.js';
import { cliVersion, helpText } from './help-text.js';
import { loadTargets } from './load-targets.js';
import * as messages from './messages.js';
import type { CliOptions } from './parse-cli-args.js';
import { parseCliArgs } from './parse-cli-args.js';
import type { RunContext } from './run-context.js';
import { runDirectory } from './run-directory.js';
import { runSingle } from './run-single.js';
import { ResultCollector, printSummary, type SummaryFormat } from './run-summary.js';
import { scenarioKind } from './scenario-kind.js';

/** Exit code of an unexpected internal error (BSD `EX_SOFTWARE`). */
export const EXIT_INTERNAL = 70;

/** Seams for tests; the command itself never sets them. */
export interface RunCliOptions {
  /**
   * Monotonic clock in nanoseconds. When given, scenarios are measured inline (on this thread) with it, so a
   * test gets exact timings from a fake clock.
   */
  readonly clock?: () => bigint;
  /** Where target packages are looked up first. @default process.cwd() */
  readonly cwd?: string;
}

/**
 * Runs `aver-bench` with the given arguments (bench spec: "CLI: `aver bench`"). Never throws and never exits: every
 * outcome is an exit code, every message goes through `io`.
 * @param argv The arguments after the program name.
 * @param io Standard streams, environment and terminal detection.
 * @param seams Test seams (a fake clock, the folder target packages are looked up from).
 * @returns 0 success, 1 failure or gated regression, 2 usage error, 70 internal error.
 */
export async function runCli(argv: readonly string[], io: CliIo, seams: RunCliOptions = {}): Promise<number> {
  const terminal = createTerminal(io);
  try {
    const subcommand = findSubcommand(argv);
    if (subcommand !== null) return await subcommand.command.run(argv.slice(1), io, terminal);
    const request = parseCliArgs(argv);
    if (request.kind === 'help') {
      io.stdout(helpText());
      return 0;
    }
    if (request.kind === 'version') {
      io.stdout(`aver-bench ${cliVersion()}\n`);
      return 0;
    }
    const { options } = request;
    const targets = await loadTargets(options.targets, seams.cwd ?? process.cwd());
    const target = targets[0]!;
    const scenarioOptions = scenarioOptionsOf(options, seams);
    const kind = scenarioKind(options.scenario);
    if (options.shard !== null && kind !== 'directory') throw new CliError(messages.shardNeedsFolder());
    if (options.emitJs !== null) await emitJsModules(options, kind, seams.cwd ?? process.cwd(), terminal);
    const run = (context: RunContext) =>
      kind === 'directory' ? runDirectory(options, context) : runSingle(options, kind === 'ad-hoc', context);
    const base = { io, terminal, target, targets, scenarioOptions };
    if (options.format !== 'markdown' && options.format !== 'bmf') return await run(base);
    return await runWithSummary(options.format, run, base);
  } catch (error) {
    return reportFailure(error, io, terminal);
  }
}

/**
 * A run whose results are printed as one summary at the end (`--format markdown|bmf`): the flow's own output is
 * dropped, its reports and comparisons are collected, and the summary is printed even when the run stops early
 * (then the error follows on stderr).
 */
async function runWithSummary(
  format: SummaryFormat,
  run: (context: RunContext) => Promise<number>,
  context: RunContext,
): Promise<number> {
  const collector = new ResultCollector();
  const quiet: CliIo = { ...context.io, stdout: () => {} };
  let code: number;
  try {
    code = await run({ ...context, io: quiet, observer: collector });
  } catch (error) {
    if (collector.results().length > 0) printSummary(format, collector.results(), context.io);
    throw error;
  }
  printSummary(format, collector.results(), context.io);
  return code;
}

/** What every `runScenario` call of the run gets from the command line (a test clock implies inline runs). */
function scenarioOptionsOf(options: CliOptions, seams: RunCliOptions): RunScenarioOptions {
  return {
    ...(seams.clock === undefined ? {} : { clock: seams.clock }),
    ...(seams.clock === undefined && options.isolation !== null ? { isolation: options.isolation } : {}),
    ...(options.replicates === null ? {} : { replicates: options.replicates }),
    ...(options.timeoutMs === null ? {} : { timeoutMs: options.timeoutMs }),
  };
}

/** The one place that maps errors to messages and exit codes (bench spec: "CLI: exit codes"). */
function reportFailure(error: unknown, io: CliIo, terminal: Terminal): number {
  terminal.clearProgress();
  if (error instanceof UsageError) {
    io.stderr(
      `${messages.usage.prefix.replace('error:', terminal.colors.red('error:'))}${escapeControlChars(error.message)}`,
    );
    const command = error.command === undefined ? undefined : SUBCOMMANDS[error.command];
    io.stderr(
      `${command === undefined ? messages.usage.footer : messages.usage.commandFooter(error.command!, command.args)}\n`,
    );
    return 2;
  }
  if (error instanceof CliError) {
    terminal.error(error.message);
    return error.exitCode;
  }
  if (error instanceof TargetError) {
    terminal.error(error.message);
    return 1;
  }
  if (error instanceof ManifestError) {
    terminal.error(messages.scenarioLoad(error.message));
    return 1;
  }
  if (isRunError(error)) {
    terminal.error(messages.benchRun(error.message));
    return 1;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr(`${escapeControlCharsInText(messages.internalError(detail))}\n`);
  if (io.env.AVER_DEBUG === '1' && error instanceof Error && error.stack !== undefined)
    io.stderr(`${error.stack}\n`);
  return EXIT_INTERNAL;
}
