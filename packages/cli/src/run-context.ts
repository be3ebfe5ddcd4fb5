import type { DiffReport } from '@aver/bench-diff';
import type { BenchReport } from '@aver/bench-report';
import type { RunScenarioOptions, TargetRunner } from '@aver/bench-runner';
import type { CliIo, Terminal } from './cli-io.js';

/** What a flow needs besides its options: where to write, the resolved target, and how to run scenarios. */
export interface RunContext {
  readonly io: CliIo;
  readonly terminal: Terminal;
  readonly target: TargetRunner;
  /** Options every `runScenario` call of this run gets (isolation, replicates, test seams). */
  readonly scenarioOptions: RunScenarioOptions;
  /** Told about every report and every comparison as the flow makes them (for summaries after the run). */
  readonly observer?: RunObserver;
}

/** Follows a run: a comparison is told before the report it belongs to, as directory mode prints them. */
export interface RunObserver {
  readonly diff: (verdict: DiffReport) => void;
  readonly report: (report: BenchReport) => void;
}
