import { ManifestError } from '@aver/bench-manifest';
import { escapeControlChars, escapeControlCharsInText } from '@aver/bench-report';
import { RunError, resolveTarget, TargetError } from '@aver/bench-runner';
import { CliError, UsageError } from './cli-errors.js';
import type { CliIo, Terminal } from './cli-io.js';
import { createTerminal } from './cli-io.js';
import { cliVersion, helpText } from './help-text.js';
import * as messages from './messages.js';
import { parseCliArgs } from './parse-cli-args.js';
import { runDirectory } from './run-directory.js';
import { runSingle } from './run-single.js';
import { scenarioKind } from './scenario-kind.js';

/** Exit code of an unexpected internal error (BSD `EX_SOFTWARE`). */
export const EXIT_INTERNAL = 70;

/**
 * Runs `aver-bench` with the given arguments (spec §9). Never throws and never exits: every outcome is an exit
 * code, every message goes through `io`.
 * @param argv The arguments after the program name.
 * @param io Standard streams, environment and terminal detection.
 * @returns 0 success, 1 failure or gated regression, 2 usage error, 70 internal error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const terminal = createTerminal(io);
  try {
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
    const context = { io, terminal, target: resolveTarget(options.target) };
    const kind = scenarioKind(options.scenario);
    if (kind === 'directory') return await runDirectory(options, context);
    return await runSingle(options, kind === 'ad-hoc', context);
  } catch (error) {
    return reportFailure(error, io, terminal);
  }
}

/** The one place that maps errors to messages and exit codes (spec §9.3). */
function reportFailure(error: unknown, io: CliIo, terminal: Terminal): number {
  terminal.clearProgress();
  if (error instanceof UsageError) {
    io.stderr(
      `${messages.usage.prefix.replace('error:', terminal.colors.red('error:'))}${escapeControlChars(error.message)}`,
    );
    io.stderr(`${messages.usage.footer}\n`);
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
  if (error instanceof RunError) {
    terminal.error(messages.benchRun(error.message));
    return 1;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr(`${escapeControlCharsInText(messages.internalError(detail))}\n`);
  if (io.env.AVER_DEBUG === '1' && error instanceof Error && error.stack !== undefined)
    io.stderr(`${error.stack}\n`);
  return EXIT_INTERNAL;
}
