import { formatBmf, formatMarkdown } from '@aver/bench-export';
import { renderHtmlReport } from '@aver/bench-html';
import { collectScenarios } from '@aver/bench-results';
import { UsageError } from '../cli-errors.js';
import type { CliIo, Terminal } from '../cli-io.js';
import { reportHelpText } from '../help-text.js';
import * as messages from '../messages.js';
import { printSummary } from '../run-summary.js';
import { scanOptions } from '../scan-options.js';
import { readInputs } from './read-inputs.js';
import { writeOutput } from './write-output.js';

/** The subcommand's name. */
const COMMAND = 'report';

const OPTIONS = {
  output: { display: '--output <FILE>', takesValue: true },
  format: { display: '--format <FORMAT>', takesValue: true },
  title: { display: '--title <TEXT>', takesValue: true },
  help: { display: '--help', takesValue: false },
} as const;

/** What `report` can write. */
export const REPORT_FORMATS = ['html', 'markdown', 'bmf'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * `aver-bench report INPUT... [-o FILE] [--format html|markdown|bmf] [--title TEXT]`: renders saved results
 * (reports, baselines, `--json` runs, diff and `ab` lines; oldest first) as an HTML page (default), a Markdown
 * summary or BMF JSON. With `-o` the output is written atomically to FILE; otherwise it goes to stdout (Markdown
 * also to `$GITHUB_STEP_SUMMARY` when set).
 * @returns The exit code.
 * @throws {UsageError} For a bad command line; {CliError} for unreadable input or a failed write.
 */
export function runReportCommand(argv: readonly string[], io: CliIo, terminal: Terminal): number {
  const { values, positionals, problems } = scanOptions(argv, OPTIONS, { o: 'output', h: 'help' });
  if (values.has('help')) {
    io.stdout(reportHelpText());
    return 0;
  }
  if (problems.length > 0) throw new UsageError(problems[0], COMMAND);
  if (positionals.length === 0) throw new UsageError(messages.usage.missingArgument('<INPUT>...'), COMMAND);
  const format = (values.get('format') ?? 'html') as string;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(messages.usage.badChoice(OPTIONS.format.display, format, REPORT_FORMATS), COMMAND);
  }
  const output = values.get('output');
  const title = values.get('title');
  const files = readInputs('report', positionals, terminal);
  const text = render(format as ReportFormat, files, typeof title === 'string' ? title : undefined);
  if (typeof output === 'string') {
    writeOutput('report', output, text.content);
    terminal.success(messages.wroteReport(output, text.scenarios));
  } else if (format === 'markdown') {
    printSummary('markdown', collectScenarios(files), io);
  } else {
    io.stdout(text.content);
  }
  return 0;
}

function render(
  format: ReportFormat,
  files: Parameters<typeof renderHtmlReport>[0],
  title: string | undefined,
): { content: string; scenarios: number } {
  const results = collectScenarios(files);
  if (format === 'html') {
    return {
      content: renderHtmlReport(files, title === undefined ? {} : { title }),
      scenarios: results.length,
    };
  }
  if (format === 'markdown') return { content: formatMarkdown(results), scenarios: results.length };
  return { content: formatBmf(results), scenarios: results.length };
}
