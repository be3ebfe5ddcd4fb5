import type { CliCommand, CliIo } from '../cli.js';
import { disassemble } from '../debug.js';
import { AverRuntimeError } from '../errors.js';
import { mainErrorMessage } from '../main-result.js';
import { runProgram } from '../program.js';
import { readStdinLine } from '../run-host.js';
import type { ProgramArgs } from './program-args.js';
import {
  colourOn,
  compileForCommand,
  DEFAULT_RUN_TIMEOUT_MS,
  paintRed,
  parseProgramArgs,
} from './program-args.js';

const usage = 'Usage: aver run FILE [--module-root DIR] [--timeout SECONDS] [--dump] [-- ARGS...]';

const help = `${usage}

Type-checks and compiles FILE (and the modules it depends on), runs its top-level statements, then main().
Arguments after -- are what Args.get() returns. Exits 1 on a type error (diagnostics on stderr), a runtime
error (\`Runtime error [line N]: ...\`, also for the time limit and running out of memory), a main that returns
Result.Err (\`main returned error: ...\`) or output that cannot be written.

Options:
  --module-root DIR  where \`depends [A.B]\` looks for a/b.av (default: the current directory)
  --timeout SECONDS  stop the program after this long; time waiting for stdin does not count
                     (default: 60; 0: no limit)
  --dump             print the bytecode of every function before running
  -h, --help         show this help`;

/**
 * `aver run FILE [--module-root DIR] [--timeout SECONDS] [--dump] [-- ARGS...]` (language reference:
 * "Errors and failure", "Evaluation order and program start"). The process runs the program in a worker
 * (`CliIo.runIsolated`), so that running out of memory or time ends the program, not the command; without one (tests)
 * it runs on the calling thread.
 */
export const runCommand: CliCommand = {
  name: 'run',
  summary: 'type-check, compile and run a program',
  usage,
  run(args: readonly string[], io: CliIo): number | Promise<number> {
    const parsed = parseProgramArgs(args, { dump: true, defaultTimeoutMs: DEFAULT_RUN_TIMEOUT_MS });
    if (typeof parsed === 'string') return io.usageError(parsed, usage);
    if (parsed.help) {
      io.stdout(help);
      return 0;
    }
    return io.runIsolated === undefined ? executeRun(parsed, io) : io.runIsolated(parsed);
  },
};

/**
 * Compiles and runs one program on the calling thread, printing what `aver run` prints.
 * @param parsed The command line.
 * @param io Streams, working directory, environment and stdin.
 * @param onRunStart Called once the program is compiled, right before it runs (the time limit starts there).
 * @returns The exit code: 0, or 1 for a compile error, a runtime error or a `main` that returns `Result.Err`.
 */
export function executeRun(parsed: ProgramArgs, io: CliIo, onRunStart?: () => void): number {
  const program = compileForCommand(parsed, io);
  if (program === null) return 1;
  if (parsed.dump) io.stdout(disassemble(program));
  const colour = colourOn(io);
  onRunStart?.();
  try {
    const { value } = runProgram(program, {
      args: parsed.programArgs,
      console: { writeOut: (line) => io.stdout(line), writeErr: (line) => io.stderr(line) },
      stdin: io.stdin ?? readStdinLine,
      ...(parsed.timeoutMs === null ? {} : { timeoutMs: parsed.timeoutMs }),
    });
    const failure = mainErrorMessage(value);
    if (failure !== null) {
      io.stderr(paintRed(failure, colour));
      return 1;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AverRuntimeError)) throw error;
    io.stderr(paintRed(error.format(), colour));
    return 1;
  }
}
