import { readFileSync } from 'node:fs';
import { describeIoError } from '@aver/host-io';
import { type ResultFile, ResultsError, readResults } from '@aver/bench-results';
import { CliError } from '../cli-errors.js';
import type { Terminal } from '../cli-io.js';
import * as messages from '../messages.js';

/**
 * Reads result files for a subcommand, in the order given; lines of unknown kinds are warned about.
 * @param command The subcommand, as messages name it.
 * @throws {CliError} When a file cannot be read or a line cannot be parsed (file and line named).
 */
export function readInputs(command: string, paths: readonly string[], terminal: Terminal): ResultFile[] {
  return paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new CliError(messages.commandCannotRead(command, path, describeIoError(error)));
    }
    try {
      const file = readResults(text, path);
      for (const warning of file.warnings) terminal.warn(messages.commandWarning(command, warning));
      return file;
    } catch (error) {
      if (error instanceof ResultsError) throw new CliError(messages.commandFailed(command, error.message));
      throw error;
    }
  });
}
