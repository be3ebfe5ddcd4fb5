import { describeIoCode, describeIoError, readTextFileIfExists } from '@aver/host-io';
import { basename, join, resolve } from 'node:path';
import type { SourceFile, Span } from './ast.js';
import { type Diagnostic, errorAt } from './diagnostics.js';
import {
  cannotReadFile,
  circularImport,
  missingModuleDeclaration,
  moduleNameMismatch,
  moduleNotFound,
} from './messages.js';
import { parseSource } from './parser.js';

export { parseSource } from './parser.js';

/**
 * Reads a source file: its text, or `null` when no file exists at the path. Any other failure may throw; the
 * loader turns it into a diagnostic.
 */
export type ReadSourceFile = (path: string) => string | null;

/** An entry file with every module it depends on, directly or not. */
export interface LoadedProgram {
  readonly entry: SourceFile;
  /** Dependencies by dotted module path (`Modules.Models.User`). The entry is not in it. */
  readonly modules: Map<string, SourceFile>;
  /** The keys of `modules`, dependencies before their dependents (the entry would come last). */
  readonly order: string[];
  /** Read, lex, parse and import diagnostics of every file, in load order. */
  readonly diagnostics: Diagnostic[];
}

/** One file on the depth-first walk over `depends` lines. */
interface Frame {
  readonly file: SourceFile;
  /** Absolute path, the identity of a file for cycle detection. */
  readonly id: string;
  /** The module key (dotted path), or the entry's module name. */
  readonly name: string;
  readonly isEntry: boolean;
  next: number;
}

/**
 * Loads a program (language reference: "Modules and imports"): parses the entry file and, recursively, each
 * `depends [A.B.C]` from `<moduleRoot>/a/b/c.av` (segments lowercased; the exact-case path is the fallback). Checks
 * that each dependency declares `module C`, and reports missing modules and import cycles. Never throws: an
 * unreadable entry yields an empty `SourceFile` and a diagnostic.
 *
 * @param entryPath - The file to run.
 * @param moduleRoot - The directory that module paths are resolved against.
 * @param readFile - Reads a file (defaults to the file system); returns `null` when the file does not exist.
 * @returns The parsed files, their dependency order and all diagnostics.
 */
export function loadProgram(
  entryPath: string,
  moduleRoot: string,
  readFile: ReadSourceFile = readTextFileIfExists,
): LoadedProgram {
  const diagnostics: Diagnostic[] = [];
  const modules = new Map<string, SourceFile>();
  const order: string[] = [];
  const entrySpan: Span = { file: entryPath, line: 1, column: 1, start: 0, end: 0 };
  const entryText = readOrReport(readFile, entryPath, entrySpan, diagnostics, describeIoCode('ENOENT'));
  const entry =
    typeof entryText === 'string'
      ? collect(parseSource(entryText, entryPath), diagnostics)
      : emptySourceFile(entryPath);
  const done = new Set<string>();
  const entryName = entry.module?.name ?? basename(entryPath).replace(/\.av$/, '');
  const stack: Frame[] = [{ file: entry, id: resolve(entryPath), name: entryName, isEntry: true, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const depends = frame.file.module?.depends ?? [];
    if (frame.next >= depends.length) {
      stack.pop();
      done.add(frame.id);
      if (!frame.isEntry) order.push(frame.name);
      continue;
    }
    const dependency = depends[frame.next++];
    const key = dependency.path.join('.');
    const found = locateModule(moduleRoot, dependency.path, readFile, dependency.span, diagnostics);
    if (found === null) continue;
    const id = resolve(found.path);
    const cycleStart = stack.findIndex((open) => open.id === id);
    if (cycleStart >= 0) {
      const chain = [...stack.slice(cycleStart).map((open) => open.name), stack[cycleStart].name];
      diagnostics.push(errorAt(dependency.span, circularImport(chain)));
      continue;
    }
    if (done.has(id) || modules.has(key)) continue;
    const file = collect(parseSource(found.text, found.path), diagnostics);
    const expectedName = dependency.path[dependency.path.length - 1];
    if (file.module === null) {
      diagnostics.push(errorAt(dependency.span, missingModuleDeclaration(expectedName, key, found.path)));
    } else if (file.module.name !== expectedName) {
      diagnostics.push(
        errorAt(dependency.span, moduleNameMismatch(expectedName, key, file.module.name, found.path)),
      );
    }
    modules.set(key, file);
    stack.push({ file, id, name: key, isEntry: false, next: 0 });
  }
  return { entry, modules, order, diagnostics };
}

/** Finds the file of a module path: lowercased segments first, then the exact case. */
function locateModule(
  moduleRoot: string,
  path: readonly string[],
  readFile: ReadSourceFile,
  span: Span,
  diagnostics: Diagnostic[],
): { path: string; text: string } | null {
  const lower = `${join(moduleRoot, ...path.map((segment) => segment.toLowerCase()))}.av`;
  const exact = `${join(moduleRoot, ...path)}.av`;
  for (const candidate of lower === exact ? [lower] : [lower, exact]) {
    const text = readOrReport(readFile, candidate, span, diagnostics, null);
    if (text === undefined) return null;
    if (text !== null) return { path: candidate, text };
  }
  diagnostics.push(errorAt(span, moduleNotFound(path.join('.'), moduleRoot)));
  return null;
}

/**
 * Reads a file. Returns its text, or `null` when it does not exist (reported with `missingReason` unless that is
 * null), or `undefined` after reporting a read failure.
 */
function readOrReport(
  readFile: ReadSourceFile,
  path: string,
  span: Span,
  diagnostics: Diagnostic[],
  missingReason: string | null,
): string | null | undefined {
  try {
    const text = readFile(path);
    if (typeof text === 'string') return text;
    if (missingReason !== null) diagnostics.push(errorAt(span, cannotReadFile(path, missingReason)));
    return null;
  } catch (error) {
    diagnostics.push(errorAt(span, cannotReadFile(path, describeIoError(error))));
    return undefined;
  }
}

function collect(result: { file: SourceFile; diagnostics: Diagnostic[] }, into: Diagnostic[]): SourceFile {
  for (const diagnostic of result.diagnostics) into.push(diagnostic);
  return result.file;
}

function emptySourceFile(path: string): SourceFile {
  return { path, text: '', module: null, items: [], eras: new Set() };
}
