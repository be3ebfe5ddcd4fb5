import * as messages from './messages.js';
import { TargetError } from './target-error.js';
import { isTargetRunner } from './load-target.js';
import type { TargetRunner } from './target.js';
import { vmTarget } from './vm-target.js';

/**
 * Target names of the reference (0.18–0.20), in the order its parse error lists them, plus `wasm-local`
 * (0.15–0.17). Those not registered here are "not available in this build" rather than unknown.
 */
export const REFERENCE_TARGETS: readonly string[] = Object.freeze(['vm', 'wasm-gc', 'wasm-gc-v8', 'rust']);
const RETIRED_REFERENCE_TARGETS: readonly string[] = Object.freeze(['wasm-local']);

const TARGET_NAME = /^[a-z0-9][a-z0-9-]*$/;

const registry = new Map<string, TargetRunner>([[vmTarget.name, vmTarget]]);

/**
 * Makes a target available by name, for `runScenario` and the CLI's `--target`. The built-in `vm` target is
 * registered when this package loads.
 * @param runner The target.
 * @throws {TypeError} When it is not a target, or its name is malformed or already registered.
 */
export function registerTarget(runner: TargetRunner): void {
  if (!isTargetRunner(runner)) throw new TypeError(messages.notATarget());
  if (!isTargetName(runner.name)) throw new TypeError(messages.badTargetName(runner.name));
  if (registry.has(runner.name)) throw new TypeError(messages.targetAlreadyRegistered(runner.name));
  registry.set(runner.name, runner);
}

/**
 * Removes a registered target (for tests and plugins that unload). The built-in `vm` target can be removed too.
 * @param name The target name.
 * @returns Whether a target was removed.
 */
export function unregisterTarget(name: string): boolean {
  return registry.delete(name);
}

/**
 * Looks a target up by exact, case-sensitive name.
 * @param name The target name.
 * @returns The target, or `undefined` when none is registered under that name.
 */
export function getTarget(name: string): TargetRunner | undefined {
  return registry.get(name);
}

/** @returns The names of the registered targets, in registration order. */
export function listTargets(): readonly string[] {
  return [...registry.keys()];
}

/**
 * Whether `name` can name a target: lowercase letters, digits and `-`, starting with a letter or digit.
 * @param name A candidate name.
 */
export function isTargetName(name: string): boolean {
  return TARGET_NAME.test(name);
}

/**
 * Looks a target up like `getTarget`, but explains a miss: a reference target this build does not ship is
 * "not available", anything else gets the reference's parse error (listing the registered extras too).
 * @param name The `--target` value.
 * @param installed Names of targets the caller could load from packages, listed with the registered ones.
 * @returns The target.
 * @throws {TargetError} `unavailable` or `unknown`.
 */
export function resolveTarget(name: string, installed: readonly string[] = []): TargetRunner {
  const runner = registry.get(name);
  if (runner !== undefined) return runner;
  const available = [...new Set([...listTargets(), ...installed])];
  if (REFERENCE_TARGETS.includes(name) || RETIRED_REFERENCE_TARGETS.includes(name)) {
    throw new TargetError('unavailable', name, messages.targetNotAvailable(name, available));
  }
  const extras = available.filter((known) => !REFERENCE_TARGETS.includes(known));
  throw new TargetError('unknown', name, messages.unknownTarget(name, [...REFERENCE_TARGETS, ...extras]));
}
