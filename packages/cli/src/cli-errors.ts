/** A command line that cannot be understood (clap's usage errors): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The subcommand whose usage the footer shows; the bench command's when absent. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/**
 * A failure with a one-line reference message and its exit code (1 for every failure; bench
 * spec: "CLI: exit codes"). The top-level handler prints the message in red and exits with the code.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}
