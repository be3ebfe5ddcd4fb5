import { checkProgram } from '../checker/index.js';
import { type Diagnostic, hasErrors, renderDiagnostic } from '../diagnostics.js';
import { loadProgram } from '../module-loader.js';
import type { CliCommand, CliIo } from '../cli.js';
import { parseProgramArgs, readRelativeTo } from './program-args.js';

const usage = 'Usage: aver check FILE [--module-root DIR]';

const help = `${usage}

Type-checks FILE and every module it depends on. Prints nothing and exits 0 when there are no errors;
otherwise prints every diagnostic (file:line:col, message, source line, caret) to stderr and exits 1.

Options:
  --module-root DIR  where \`depends [A.B]\` looks for a/b.av (default: the current directory)
  -h, --help         show this help`;

/**
 * `aver check FILE [--module-root DIR]`: loads and type-checks a program (language reference:
 * "Type system and checker"). Parse and load errors stop before the checker runs, so one syntax error does not turn
 * into a cascade of type errors.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'type-check a program and the modules it depends on',
  usage,
  run(args: readonly string[], io: CliIo): number {
    const parsed = parseProgramArgs(args, { dump: false });
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
