import type { Dirent } from 'node:fs';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TargetRunner } from '@aver/bench-runner';
import { getTarget, isTargetName, isTargetRunner, resolveTarget } from '@aver/bench-runner';
import { resolve as resolveModule } from 'import-meta-resolve';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';

/** A target `NAME` that is not built in comes from the package named `@aver/bench-target-NAME`. */
export const TARGET_PACKAGE_PREFIX = '@aver/bench-target-';

/**
 * Finds every target of `--target`, in order: a registered one (`vm` is built in), else the package
 * `@aver/bench-target-NAME` resolved like an `import` from the current folder, then from this command's own
 * install, whose main module exports the target as `target`. A name no package provides gets the runner's
 * error (the reference's "unknown bench target" or "not available" message), listing every target installed.
 * @param names The `--target` names.
 * @param cwd Where to look for packages first.
 * @returns The targets.
 * @throws {TargetError} When no package provides a name.
 * @throws {CliError} When a package is there but cannot be loaded or does not export its target.
 */
export async function loadTargets(names: readonly string[], cwd: string): Promise<TargetRunner[]> {
  const targets: TargetRunner[] = [];
  for (const name of names) targets.push(await loadTarget(name, cwd));
  return targets;
}

async function loadTarget(name: string, cwd: string): Promise<TargetRunner> {
  const registered = getTarget(name);
  if (registered !== undefined) return registered;
  const url = isTargetName(name) ? findTargetPackage(name, cwd) : null;
  if (url === null) return resolveTarget(name, installedTargets(cwd));
  let exported: unknown;
  try {
    exported = ((await import(url)) as { target?: unknown }).target;
  } catch (error) {
    throw new CliError(messages.targetPackageLoad(packageName(name), fileURLToPath(url), firstLine(error)));
  }
  if (!isTargetRunner(exported)) throw new CliError(messages.targetPackageNoExport(packageName(name)));
  if (exported.name !== name)
    throw new CliError(messages.targetPackageWrongName(packageName(name), exported.name, name));
  return exported;
}

function packageName(name: string): string {
  return `${TARGET_PACKAGE_PREFIX}${name}`;
}

/** The URL of the package's main module, resolved from `cwd` and then from this package; `null` when absent. */
function findTargetPackage(name: string, cwd: string): string | null {
  const specifier = packageName(name);
  for (const parent of [pathToFileURL(path.join(cwd, 'package.json')).href, import.meta.url]) {
    try {
      return resolveModule(specifier, parent);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') continue;
      throw new CliError(messages.targetPackageLoad(specifier, fileURLToPath(parent), firstLine(error)));
    }
  }
  return null;
}

/**
 * The names of the targets installed as packages: every `node_modules/@aver/bench-target-*` folder from `cwd`
 * and from this package's own folder up to the root, sorted and without repeats.
 */
export function installedTargets(cwd: string): string[] {
  const names = new Set<string>();
  for (const start of [cwd, path.dirname(fileURLToPath(import.meta.url))]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      for (const entry of listScope(path.join(dir, 'node_modules', '@aver'))) {
        const name = `@aver/${entry.name}`;
        if (name.startsWith(TARGET_PACKAGE_PREFIX)) names.add(name.slice(TARGET_PACKAGE_PREFIX.length));
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return [...names].filter(isTargetName).sort();
}

function listScope(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? '';
}
