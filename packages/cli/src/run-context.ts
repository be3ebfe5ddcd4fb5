import type { DiffReport, StatDiff } from '@aver/bench-diff';
import type { BenchReport } from '@aver/bench-report';
import type { RunScenarioOptions, TargetRunner } from '@aver/bench-runner';
import type { CliIo, Terminal } from './cli-io.js';
import type { FailureRecord } from './failure-record.js';

/** What a flow needs besides its options: where to write, the resolved target, and how to run scenarios. */
export interface RunContext {
  readonly io: CliIo;
  readonly terminal: Terminal;
  /** The first target of `--target` (the one target of a plain run). */
  readonly target: TargetRunner;
  /** Every target of `--target`, in order; each scenario runs on each. */
  readonly targets: readonly TargetRunner[];
  /** Options every `runScenario` call of this run gets (replicates, isolation, time limit, test seams). */
  readonly scenarioOptions: RunScenarioOptions;
  /** Told about every report and every comparison as the flow makes them (for summaries after the run). */
  readonly observer?: RunObserver;
}

/** Follows a run: a comparison is told before the report it belongs to, as directory mode prints them. */
export interface RunObserver {
  readonly diff: (verdict: DiffReport) => void;
  readonly report: (report: BenchReport) => void;
  /** A scenario that ran out of time or memory, in its report's place. */
  readonly failure: (record: FailureRecord) => void;
  /** A statistical comparison, told once the run has been judged (after the reports it belongs to). */
  readonly statDiff: (comparison: StatDiff) => void;
}
