import { describeIoError } from '@aver/host-io';
import { CliError } from '../cli-errors.js';
import * as messages from '../messages.js';
import { writeFileAtomic } from '../write-file-atomic.js';

/**
 * Writes a subcommand's output file atomically (temp file, then rename).
 * @throws {CliError} `{command}: cannot write '{path}': {reason}`.
 */
export function writeOutput(command: string, path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(messages.commandCannotWrite(command, path, describeIoError(error)));
  }
}
