import * as messages from './messages.js';

/** A results file that cannot be read, or shard outputs that cannot be merged. */
export class ResultsError extends Error {
  override readonly name = 'ResultsError';
  /** The file the problem is in, when it is about one file. */
  readonly source: string | undefined;
  /** Its 1-based line, when it is about one line. */
  readonly line: number | undefined;

  constructor(message: string, source?: string, line?: number) {
    super(source === undefined ? message : messages.at(source, line, message));
    this.source = source;
    this.line = line;
  }
}
