import type { CliCommand, CliIo } from '../cli.js';
import { formatVerifyReport, verifyProgram } from '../verify.js';
import { colourOn, compileForCommand, DEFAULT_VERIFY_TIMEOUT_MS, parseProgramArgs } from './program-args.js';

const usage = 'Usage: aver verify FILE [--module-root DIR] [--timeout SECONDS] [--verbose]';

const help = `${usage}

Runs every verify block of FILE: each case over the cartesian product of its block's given domains (at most
10,000 cases; a case whose when premise is false is skipped). Given stubs replace their effects and the verified
function's own effect calls are traced (verify f trace: .result, .trace, .trace.count(...) ...). Prints one line
per block, failure diagnostics and a summary; exits 1 when a case fails or the file has type errors.

Options:
  --module-root DIR  where \`depends [A.B]\` looks for a/b.av (default: the current directory)
  --timeout SECONDS  time limit of each case and given domain (default 10; 0: no limit); a case past it fails
                     as a runtime error and the others still run
  --verbose          show every failure (by default the first three of each block)
  -h, --help         show this help`;

/** `aver verify FILE [--module-root DIR] [--timeout SECONDS] [--verbose]` (language reference: "Top-level items", "Verify blocks"). */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'run the verify blocks (cases and laws) of a program',
  usage,
  run(args: readonly string[], io: CliIo): number {
    const parsed = parseProgramArgs(args, {
      dump: false,
      verbose: true,
      defaultTimeoutMs: DEFAULT_VERIFY_TIMEOUT_MS,
    });
    if (typeof parsed === 'string') return io.usageError(parsed, usage);
    if (parsed.help) {
      io.stdout(help);
      return 0;
    }
    const program = compileForCommand(parsed, io);
    if (program === null) return 1;
    const report = verifyProgram(program, parsed.timeoutMs === null ? {} : { timeoutMs: parsed.timeoutMs });
    const style = { colour: colourOn(io), maxFailures: parsed.verbose ? Number.POSITIVE_INFINITY : 3 };
    for (const line of formatVerifyReport(parsed.file, report, style)) io.stdout(line);
    const failed = report.setupError !== null || report.lines.some((line) => line.passed < line.total);
    return failed ? 1 : 0;
  },
};
