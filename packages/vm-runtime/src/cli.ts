#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { checkCommand } from './commands/check.js';
import type { ProgramArgs } from './commands/program-args.js';
import { runIsolated } from './commands/run-isolated.js';
import { runCommand } from './commands/run.js';
import { verifyCommand } from './commands/verify.js';
import { OutputError, reportOutputError, writeAllSync } from './fd-output.js';
import { VERSION } from './version.js';

/** What a subcommand may touch: output streams, the working directory and the environment. */
export interface CliIo {
  /** Writes one line (a trailing newline is added) to stdout. */
  stdout(text: string): void;
  /** Writes one line (a trailing newline is added) to stderr. */
  stderr(text: string): void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colour is then allowed unless `NO_COLOR` is set). */
  readonly isTTY?: boolean;
  /** `Console.readLine` source for `aver run`; default: the process's stdin. */
  readonly stdin?: () => string | null;
  /**
   * Runs `aver run`'s program apart from the command (the process wiring gives it a worker with a heap limit and a
   * watchdog); absent, the program runs on the calling thread.
   */
  readonly runIsolated?: (args: ProgramArgs) => Promise<number>;
  /** Prints `aver <command>: <message>` and the usage line to stderr; returns the usage exit code (2). */
  usageError(message: string, usage: string): number;
}

/** One `aver` subcommand: `run` gets the arguments after the command name and returns the exit code. */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list of `aver --help`. */
  readonly summary: string;
  /** `Usage: aver <name> …`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

/** Exit codes: 0 ok, 1 the program has errors, 2 bad command line, 70 internal error (sysexits EX_SOFTWARE). */
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** The subcommands, by name. A new command is one entry here. */
export const COMMANDS: readonly CliCommand[] = [checkCommand, runCommand, verifyCommand];

function mainUsage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: aver <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     print this help',
    '  -V, --version  print the version',
    '',
    "Run 'aver <command> --help' for details.",
  ].join('\n');
}

/**
 * Runs the `aver` command line. Never throws: an internal bug prints `internal error: <message>` (and the stack
 * only when `AVER_DEBUG=1`) and returns 70.
 *
 * @param argv - The arguments after the program name.
 * @param io - Output streams, working directory and environment.
 * @param commands - The command table (tests pass their own).
 * @returns The process exit code.
 */
export async function runCli(
  argv: readonly string[],
  io: Omit<CliIo, 'usageError'>,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const commandName = argv[0] ?? '';
  const cli: CliIo = {
    ...io,
    usageError(message, usage) {
      io.stderr(`aver ${commandName}: ${message}`);
      io.stderr(usage);
      return EXIT_USAGE;
    },
  };
  try {
    if (argv.length === 0) {
      io.stderr('aver: missing command');
      io.stderr(mainUsage(commands));
      return EXIT_USAGE;
    }
    if (commandName === '--help' || commandName === '-h' || commandName === 'help') {
      io.stdout(mainUsage(commands));
      return 0;
    }
    if (commandName === '--version' || commandName === '-V') {
      io.stdout(`aver ${VERSION}`);
      return 0;
    }
    const command = commands.find((candidate) => candidate.name === commandName);
    if (command === undefined) {
      io.stderr(`aver: unknown command '${commandName}'`);
      io.stderr(mainUsage(commands));
      return EXIT_USAGE;
    }
    return await command.run(argv.slice(1), cli);
  } catch (error) {
    if (error instanceof OutputError) return reportOutputError(error, io.stderr);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`internal error: ${message.split('\n')[0]}`);
    if (io.env.AVER_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(error.stack);
    return EXIT_INTERNAL;
  }
}

/** True when this file is the process entry point (also through an npm bin symlink). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  // A worker sees the main thread's argv: the program worker of `aver run` must not start the command again.
  if (script === undefined || !isMainThread) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // Every line is written synchronously to the descriptor: output keeps its order, nothing is lost at exit, and a
  // failed write (a full disk, `aver run … > /dev/full`) is an error with exit 1, not a silent loss.
  const io = {
    stdout: (text: string) => writeAllSync(1, `${text}\n`),
    stderr: (text: string) => writeAllSync(2, `${text}\n`),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
  runCli(process.argv.slice(2), {
    ...io,
    runIsolated: (args) => runIsolated(args, io),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
