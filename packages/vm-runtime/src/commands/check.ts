import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkProgram } from '../checker/index.js';
import { type Diagnostic, hasErrors, renderDiagnostic } from '../diagnostics.js';
import { loadProgram } from '../module-loader.js';
import type { CliCommand, CliIo } from '../cli.js';

const usage = 'Usage: aver check FILE [--module-root DIR]';

const help = `${usage}

Type-checks FILE and every module it depends on. Prints nothing and exits 0 when there are no errors;
otherwise prints every diagnostic (file:line:col, message, source line, caret) to stderr and exits 1.

Options:
  --module-root DIR  where \`depends [A.B]\` looks for a/b.av (default: the current directory)
  -h, --help         show this help`;

/**
 * `aver check FILE [--module-root DIR]`: loads and type-checks a program (language reference §2). Parse and load
 * errors stop before the checker runs, so one syntax error does not turn into a cascade of type errors.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'type-check a program and the modules it depends on',
  usage,
  run(args: readonly string[], io: CliIo): number {
    const parsed = parseCommandArgs(args);
    if (typeof parsed === 'string') return io.usageError(parsed, usage);
    if (parsed.help) {
      io.stdout(help);
      return 0;
    }
    const { file, moduleRoot } = parsed;
    const loaded = loadProgram(file, moduleRoot ?? '.', (path) => readRelativeTo(io.cwd, path));
    // Empty texts are files that could not be read: their diagnostics get no source excerpt.
    const texts = new Map<string, string>();
    for (const source of [loaded.entry, ...loaded.modules.values()]) {
      if (source.text !== '') texts.set(source.path, source.text);
    }
    let diagnostics: readonly Diagnostic[] = loaded.diagnostics;
    if (!hasErrors(diagnostics)) diagnostics = [...diagnostics, ...checkProgram(loaded).diagnostics];
    for (const diagnostic of diagnostics) {
      io.stderr(renderDiagnostic(diagnostic, texts.get(diagnostic.span.file) ?? null));
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};

/**
 * Reads a source file, resolving relative paths against the command's working directory (diagnostics keep the
 * path as the user wrote it). A missing file is `null`; other failures throw and the loader reports them.
 */
function readRelativeTo(cwd: string, path: string): string | null {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

interface CheckArgs {
  readonly help: boolean;
  readonly file: string;
  readonly moduleRoot: string | undefined;
}

/** Parses the arguments after `check`; returns a one-line usage error message instead of throwing. */
function parseCommandArgs(args: readonly string[]): CheckArgs | string {
  let values: { help?: boolean; 'module-root'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' }, 'module-root': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return describeArgError(error);
  }
  if (values.help) return { help: true, file: '', moduleRoot: undefined };
  if (positionals.length === 0) return 'missing FILE';
  if (positionals.length > 1) return `unexpected argument '${positionals[1]}'`;
  if (values['module-root'] === '') return "option '--module-root' needs a directory";
  return { help: false, file: positionals[0], moduleRoot: values['module-root'] };
}

function describeArgError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${quoted ?? message}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing')
        ? "option '--module-root' needs a directory"
        : `option '${quoted ?? message}' does not take a value`;
    default:
      return message.split('\n')[0];
  }
}
