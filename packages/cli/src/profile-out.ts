import type { CountedRun } from '@aver/bench-export';
import { formatSpeedscope } from '@aver/bench-export';
import { describeIoError } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { escapeControlChars } from '@aver/bench-report';
import { hasStackProfile } from '@aver/bench-runner';
import { CliError } from './cli-errors.js';
import { cliVersion } from './help-text.js';
import * as messages from './messages.js';
import type { RunContext } from './run-context.js';
import { checkWritableTarget, writeFileAtomic } from './write-file-atomic.js';

/**
 * `--profile-out FILE`: the counted run of every scenario and target, written at the end of the run as one
 * speedscope profile (see `@aver/bench-export`): the call tree when the target returns one (the vm target does),
 * else a flat profile of its functions. The counted run is the separate, untimed one, so profiling never touches
 * the timed samples.
 */
export class ProfileCollector {
  private readonly runs: CountedRun[] = [];
  private readonly skipped: string[] = [];

  /**
   * Refuses a target that could not be written before anything runs (a folder, FIFO, device or socket, or a
   * missing folder).
   * @throws {CliError} `profile-out write '{path}': {reason}`.
   */
  constructor(private readonly path: string) {
    try {
      checkWritableTarget(path);
    } catch (error) {
      throw new CliError(messages.profileWrite(path, describeIoError(error)));
    }
  }

  /** Adds one report's counted run (`name [target]`), or remembers that it had no per-function counts. */
  add(report: BenchReport): void {
    const label = `${report.scenario.name} [${report.scenario.target}]`;
    const { counters } = report;
    if (counters == null || counters.functions == null) {
      this.skipped.push(escapeControlChars(label));
      return;
    }
    this.runs.push({
      name: label,
      functions: counters.functions,
      stacks: hasStackProfile(counters) ? counters.stacks : null,
    });
  }

  /**
   * Writes the file atomically and says so; warns about runs left out.
   * @throws {CliError} When no run had per-function counts, or the file cannot be written.
   */
  write(context: RunContext): void {
    if (this.skipped.length > 0) context.terminal.warn(messages.profileSkipped(this.skipped));
    if (this.runs.length === 0) throw new CliError(messages.profileNothing(this.path));
    try {
      writeFileAtomic(this.path, formatSpeedscope(this.runs, `aver-bench ${cliVersion()}`));
    } catch (error) {
      throw new CliError(messages.profileWrite(this.path, describeIoError(error)));
    }
    context.terminal.success(messages.wroteProfile(this.path, this.runs.length));
  }
}
