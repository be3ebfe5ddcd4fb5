import type { CliIo, Terminal } from '../cli-io.js';
import { runAbCommand } from './ab-command.js';
import { runCalibrateCommand } from './calibrate-command.js';
import { runMergeCommand } from './merge-command.js';
import { runReportCommand } from './report-command.js';

/** A subcommand: `aver-bench NAME ARGS...`. */
export interface Subcommand {
  /** The positional arguments its usage line shows. */
  readonly args: string;
  /** Runs it on the arguments after its name; returns the exit code, throws `UsageError`/`CliError`. */
  readonly run: (argv: readonly string[], io: CliIo, terminal: Terminal) => number | Promise<number>;
}

/**
 * The subcommands, by the first argument that names them. Anything else is the bench command
 * (`aver-bench SCENARIO ...`); a scenario folder or manifest named like a subcommand is run as `./report`.
 */
export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  report: { args: 'INPUT...', run: runReportCommand },
  merge: { args: 'FILE...', run: runMergeCommand },
  ab: { args: 'BASE HEAD', run: runAbCommand },
  calibrate: { args: 'SCENARIO', run: runCalibrateCommand },
};

/** The subcommand named by the first argument, if any. */
export function findSubcommand(argv: readonly string[]): { name: string; command: Subcommand } | null {
  const name = argv[0];
  if (name === undefined || !Object.hasOwn(SUBCOMMANDS, name)) return null;
  return { name, command: SUBCOMMANDS[name]! };
}
