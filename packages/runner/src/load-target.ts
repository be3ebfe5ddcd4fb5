import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as messages from './messages.js';
import { RunError } from './run-error.js';
import type { TargetRunner } from './target.js';

/** A loaded target, and the compiled script of a `.cjs` module (its code cache can be taken after the run). */
export interface LoadedTarget {
  readonly target: TargetRunner;
  /** The `.cjs` module's script, or `null` for an ES module. */
  readonly script: vm.Script | null;
  /** Whether V8 refused the code cache it was given (another Node version or other flags). */
  readonly codeCacheRejected: boolean;
}

/**
 * Loads a target inside an isolate from its `moduleUrl` and takes its `target` export. An ES module is imported
 * as usual. A CommonJS module (`.cjs`, the form the built-in `vm` target ships as one bundle) is compiled with
 * `vm.Script` so that a V8 code cache from an earlier isolate can skip parsing and compiling it again; it runs
 * with a regular `require`, `module` and `__filename`, as Node's loader would run it.
 * @param moduleUrl The module's URL.
 * @param name The target name it must export.
 * @param codeCache A code cache of the same module from an earlier isolate, or `null`.
 * @param source The `.cjs` module's text when the caller has it, else it is read here.
 * @returns The target and, for `.cjs`, its script.
 * @throws {RunError} `setup` when the module cannot be loaded or does not export a target of that name.
 */
export async function loadTarget(
  moduleUrl: string,
  name: string,
  codeCache: Uint8Array | null,
  source: string | null = null,
): Promise<LoadedTarget> {
  let exports: unknown;
  let script: vm.Script | null = null;
  try {
    if (moduleUrl.endsWith('.cjs')) {
      script = compileCommonJs(moduleUrl, codeCache, source);
      exports = runCommonJs(script, moduleUrl);
    } else {
      exports = await import(moduleUrl);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new RunError('setup', messages.targetModuleLoad(name, moduleUrl, firstLine(detail)));
  }
  const target = (exports as { target?: unknown } | null)?.target;
  if (!isTargetRunner(target)) throw new RunError('setup', messages.targetModuleNoExport(name, moduleUrl));
  if (target.name !== name)
    throw new RunError('setup', messages.targetModuleWrongName(name, target.name, moduleUrl));
  return { target, script, codeCacheRejected: script?.cachedDataRejected === true };
}

/**
 * Whether `value` has the shape of a `TargetRunner` (a name, a module URL and `prepare`).
 * @param value A module's `target` export.
 * @returns Whether it can be used as a target.
 */
export function isTargetRunner(value: unknown): value is TargetRunner {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<TargetRunner>;
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.moduleUrl === 'string' &&
    typeof candidate.prepare === 'function'
  );
}

function compileCommonJs(moduleUrl: string, codeCache: Uint8Array | null, given: string | null): vm.Script {
  const filename = fileURLToPath(moduleUrl);
  const source = given ?? readFileSync(filename, 'utf8');
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename,
    ...(codeCache === null ? {} : { cachedData: codeCache }),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
}

function runCommonJs(script: vm.Script, moduleUrl: string): unknown {
  const filename = fileURLToPath(moduleUrl);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  wrapper.call(
    module.exports,
    module.exports,
    createRequire(filename),
    module,
    filename,
    path.dirname(filename),
  );
  return module.exports;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
