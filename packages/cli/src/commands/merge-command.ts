import { mergeShards, ResultsError } from '@aver/bench-results';
import { CliError, UsageError } from '../cli-errors.js';
import type { CliIo, Terminal } from '../cli-io.js';
import { mergeHelpText } from '../help-text.js';
import * as messages from '../messages.js';
import { scanOptions } from '../scan-options.js';
import { readInputs } from './read-inputs.js';
import { writeOutput } from './write-output.js';

/** The subcommand's name. */
const COMMAND = 'merge';

const OPTIONS = {
  output: { display: '--output <FILE>', takesValue: true },
  help: { display: '--help', takesValue: false },
} as const;

/**
 * `aver-bench merge FILE... [-o FILE]`: joins the `--shard K/N --json` outputs of one plan into the NDJSON an
 * unsharded run prints (scenario order; each report after its diff line), on stdout or written atomically to
 * FILE. Refuses duplicates, missing shards or scenarios, and reports from different hosts (see
 * `@aver/bench-results` `mergeShards`).
 * @returns The exit code.
 * @throws {UsageError} For a bad command line; {CliError} for unreadable or unmergeable input.
 */
export function runMergeCommand(argv: readonly string[], io: CliIo, terminal: Terminal): number {
  const { values, positionals, problems } = scanOptions(argv, OPTIONS, { o: 'output', h: 'help' });
  if (values.has('help')) {
    io.stdout(mergeHelpText());
    return 0;
  }
  if (problems.length > 0) throw new UsageError(problems[0], COMMAND);
  if (positionals.length === 0) throw new UsageError(messages.usage.missingArgument('<FILE>...'), COMMAND);
  const files = readInputs('merge', positionals, terminal);
  let merged: ReturnType<typeof mergeShards>;
  try {
    merged = mergeShards(files);
  } catch (error) {
    if (error instanceof ResultsError) throw new CliError(messages.commandFailed('merge', error.message));
    throw error;
  }
  const text = `${merged.lines.join('\n')}\n`;
  const output = values.get('output');
  if (typeof output === 'string') {
    writeOutput('merge', output, text);
    terminal.success(messages.wroteMerge(output, merged.count, merged.reports.length));
  } else {
    io.stdout(text);
  }
  return 0;
}
