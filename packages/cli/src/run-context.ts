import type { TargetRunner } from '@aver/bench-runner';
import type { CliIo, Terminal } from './cli-io.js';

/** What a flow needs besides its options: where to write, and the resolved target. */
export interface RunContext {
  readonly io: CliIo;
  readonly terminal: Terminal;
  readonly target: TargetRunner;
}
