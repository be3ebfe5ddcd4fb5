import type { Terminal } from './cli-io.js';
import * as messages from './messages.js';
import type { CliOptions } from './parse-cli-args.js';

/**
 * `--iterations` / `--warmup` apply to ad-hoc `.av` runs only. The reference ignores them silently for a manifest
 * or a folder; we say so.
 */
export function warnIgnoredCounts(options: CliOptions, terminal: Terminal): void {
  const flags: string[] = [];
  if (options.iterations !== null) flags.push('--iterations');
  if (options.warmup !== null) flags.push('--warmup');
  if (flags.length > 0) terminal.warn(messages.countsIgnored(flags, options.scenario));
}
