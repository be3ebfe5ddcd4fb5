import type { RunScenarioOptions, TargetRunner } from '@aver/bench-runner';
import type { CliIo, Terminal } from './cli-io.js';

/** What a flow needs besides its options: where to write, the resolved target, and how to run scenarios. */
export interface RunContext {
  readonly io: CliIo;
  readonly terminal: Terminal;
  readonly target: TargetRunner;
  /** Options every `runScenario` call of this run gets (isolation, replicates, test seams). */
  readonly scenarioOptions: RunScenarioOptions;
}
