import type { CliCommand, CliIo } from '../cli.js';
import { disassemble } from '../debug.js';
import { AverRuntimeError } from '../errors.js';
import { mainErrorMessage } from '../main-result.js';
import { runProgram } from '../program.js';
import { readStdinLine } from '../run-host.js';
import { colourOn, compileForCommand, paintRed, parseProgramArgs } from './program-args.js';

const usage = 'Usage: aver run FILE [--module-root DIR] [--dump] [-- ARGS...]';

const help = `${usage}

Type-checks and compiles FILE (and the modules it depends on), runs its top-level statements, then main().
Arguments after -- are what Args.get() returns. Exits 1 on a type error (diagnostics on stderr), a runtime
error (\`Runtime error [line N]: ...\`) or a main that returns Result.Err (\`main returned error: ...\`).

Options:
  --module-root DIR  where \`depends [A.B]\` looks for a/b.av (default: the current directory)
  --dump             print the bytecode of every function before running
  -h, --help         show this help`;

/** `aver run FILE [--module-root DIR] [--dump] [-- ARGS...]` (language reference §4.7, §4.9). */
export const runCommand: CliCommand = {
  name: 'run',
  summary: 'type-check, compile and run a program',
  usage,
  run(args: readonly string[], io: CliIo): number {
    const parsed = parseProgramArgs(args, { dump: true });
    if (typeof parsed === 'string') return io.usageError(parsed, usage);
    if (parsed.help) {
      io.stdout(help);
      return 0;
    }
    const program = compileForCommand(parsed, io);
    if (program === null) return 1;
    if (parsed.dump) io.stdout(disassemble(program));
    const colour = colourOn(io);
    try {
      const { value } = runProgram(program, {
        args: parsed.programArgs,
        console: { writeOut: (line) => io.stdout(line), writeErr: (line) => io.stderr(line) },
        stdin: io.stdin ?? readStdinLine,
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
  },
};
