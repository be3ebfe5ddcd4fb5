import { colorEnabled, readTextFileIfExists } from '@aver/host-io';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../cli.js';
import { renderDiagnostic } from '../diagnostics.js';
import { loadProgram } from '../module-loader.js';
import { type CompiledProgram, compileWith } from '../program.js';

/** The command line of `aver run` / `aver verify`. */
export interface ProgramArgs {
  readonly help: boolean;
  readonly file: string;
  readonly moduleRoot: string | undefined;
  readonly dump: boolean;
  /** `--verbose` (verify only): every failure in detail. */
  readonly verbose: boolean;
  /** Everything after `--` (run only). */
  readonly programArgs: readonly string[];
  /** `--timeout SECONDS` (run: the program; verify: each case) in milliseconds; `null` for no limit (`--timeout 0`). */
  readonly timeoutMs: number | null;
}

/** `aver run`'s time limit when `--timeout` is not given: one minute of running (stdin waits excluded). */
export const DEFAULT_RUN_TIMEOUT_MS = 60_000;
/** `aver verify`'s time limit of each case (and given domain) when `--timeout` is not given. */
export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;

/**
 * Parses `FILE [--module-root DIR] [--dump] [--verbose] [-- ARGS...]`; returns a one-line usage error instead of
 * throwing. `--dump` and the arguments after `--` are accepted only when `accept.dump` is set (`aver run`),
 * `--verbose` only when `accept.verbose` is (`aver verify`), `--timeout` only when `accept.defaultTimeoutMs` is set
 * (its value when the option is absent).
 */
export function parseProgramArgs(
  args: readonly string[],
  accept: { readonly dump: boolean; readonly verbose?: boolean; readonly defaultTimeoutMs?: number },
): ProgramArgs | string {
  const separator = args.indexOf('--');
  const own = separator >= 0 ? args.slice(0, separator) : [...args];
  const programArgs = separator >= 0 ? args.slice(separator + 1) : [];
  if (!accept.dump && separator >= 0) return "unexpected argument '--'";
  const parsed = readOptions(own);
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.dump === true && !accept.dump) return "unknown option '--dump'";
  if (values.verbose === true && accept.verbose !== true) return "unknown option '--verbose'";
  if (values.timeout !== undefined && accept.defaultTimeoutMs === undefined)
    return "unknown option '--timeout'";
  const timeoutMs = parseTimeout(values.timeout, accept.defaultTimeoutMs ?? null);
  if (typeof timeoutMs === 'string') return timeoutMs;
  const base = {
    moduleRoot: values['module-root'],
    dump: values.dump === true,
    verbose: values.verbose === true,
    programArgs,
    timeoutMs,
  };
  if (values.help) return { help: true, file: '', ...base };
  if (positionals.length === 0) return 'missing FILE';
  if (positionals.length > 1) return `unexpected argument '${positionals[1]}'`;
  if (values['module-root'] === '') return "option '--module-root' needs a directory";
  return { help: false, file: positionals[0], ...base };
}

/** `--timeout SECONDS`: a non-negative decimal number of seconds; 0 means no limit. */
function parseTimeout(value: string | undefined, defaultMs: number | null): number | null | string {
  if (value === undefined) return defaultMs;
  const seconds = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds * 1000 > Number.MAX_SAFE_INTEGER)
    return `invalid value '${value}' for '--timeout': expected a number of seconds (0 for no limit)`;
  return seconds === 0 ? null : Math.max(1, Math.round(seconds * 1000));
}

/** The options every program command parses; which of them a command accepts is checked after parsing. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  'module-root': { type: 'string' },
  dump: { type: 'boolean' },
  verbose: { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

/** What an option needs after it, for the usage error when it is missing. */
const NEEDS: Readonly<Record<'module-root' | 'timeout', string>> = {
  'module-root': "option '--module-root' needs a directory",
  timeout: "option '--timeout' needs a number of seconds",
};

type OptionValues = {
  help?: boolean;
  'module-root'?: string;
  dump?: boolean;
  verbose?: boolean;
  timeout?: string;
};

/**
 * The options and positionals of a command line, or a one-line usage error. `parseArgs` runs non-strict and its
 * tokens are checked here, so each usage error comes from what the token is (unknown, missing its value, or a value
 * given to a flag), not from the wording of Node's error messages.
 */
function readOptions(args: readonly string[]): { values: OptionValues; positionals: string[] } | string {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) return `unknown option '${token.rawName}'`;
    const name = token.name as keyof typeof OPTIONS;
    if (name === 'module-root' || name === 'timeout') {
      // A missing value, or one that looks like an option (`--timeout -1`; write `--timeout=-1` to mean it).
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
        return NEEDS[name];
    } else if (token.inlineValue) {
      return `option '${token.rawName}' does not take a value`;
    }
  }
  return { values: values as OptionValues, positionals };
}

/**
 * Compiles the command's FILE with paths resolved against the command's working directory (diagnostics keep the
 * path as written; the module root defaults to the working directory, language reference: "Modules and imports"). On
 * failure prints the diagnostics with source excerpts (or the one-line message) to stderr and returns `null`.
 */
export function compileForCommand(args: ProgramArgs, io: CliIo): CompiledProgram | null {
  const read = (path: string) => readRelativeTo(io.cwd, path);
  const moduleRoot = args.moduleRoot ?? '.';
  const text = readOrNull(read, args.file);
  if (text === null) {
    // The loader words the missing entry the way `aver check` reports it.
    for (const diagnostic of loadProgram(args.file, moduleRoot, read).diagnostics) {
      io.stderr(renderDiagnostic(diagnostic, null));
    }
    return null;
  }
  const result = compileWith(text, args.file, { moduleRoot }, { readFile: read });
  if (result.ok) return result.program;
  if (result.diagnostics.length === 0) {
    io.stderr(result.message);
    return null;
  }
  for (const diagnostic of result.diagnostics) {
    io.stderr(renderDiagnostic(diagnostic, readOrNull(read, diagnostic.span.file)));
  }
  return null;
}

/** The text of a file for an excerpt, or `null` when it cannot be read for any reason. */
function readOrNull(read: (path: string) => string | null, path: string): string | null {
  try {
    return read(path);
  } catch {
    return null;
  }
}

/**
 * Reads a source file, resolving a relative path against the command's working directory (diagnostics keep the
 * path as the user wrote it). A missing file is `null`; other failures throw, and the module loader turns them
 * into diagnostics that say why.
 */
export function readRelativeTo(cwd: string, path: string): string | null {
  return readTextFileIfExists(resolve(cwd, path));
}

/** Whether `aver` colours its output: the tools' one colour policy (`@aver/host-io`), applied to stdout. */
export function colourOn(io: Pick<CliIo, 'isTTY' | 'env'>): boolean {
  return colorEnabled(io.env, io.isTTY === true);
}

/**
 * Wraps a line in ANSI red when colour is on (the reference's `colored` red for run failures, language reference:
 * "Errors and failure").
 */
export function paintRed(text: string, colour: boolean): string {
  return colour ? `\u001b[31m${text}\u001b[0m` : text;
}
