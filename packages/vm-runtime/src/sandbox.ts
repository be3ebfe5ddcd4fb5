import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EffectRef } from './ast.js';
import { SANDBOXED_NAMESPACES } from './builtins/effect-guard.js';
import { BUILTINS } from './builtins/index.js';
import { closestName } from './closest-name.js';
import { AverRuntimeError } from './errors.js';
import { RuntimeMessages } from './runtime-messages.js';

/** What a sandboxed run may do beyond the defaults: plain data, so it can be sent to a worker. */
export interface EffectPolicy {
  /** Effects allowed on top of the defaults: one method (`Disk.readText`) or a whole namespace (`Disk`). */
  readonly allow: readonly string[];
  /**
   * A folder every `Disk.*` path must stay in, symlinks and `..` resolved; relative paths are resolved against it.
   * `null`: Disk paths are used as given (relative to the working directory).
   */
  readonly diskRoot: string | null;
  /** Where the policy can be changed, named in every denial (a manifest path). */
  readonly origin: string;
}

/** A policy whose `allow` names an effect no built-in has. */
export class EffectPolicyError extends Error {
  override readonly name = 'EffectPolicyError';
}

let knownEffects: ReadonlySet<string> | null = null;

/** Every effect name a program can declare: each service method and each service namespace. */
function known(): ReadonlySet<string> {
  knownEffects ??= new Set(
    BUILTINS.flatMap((row) => row.effects.flatMap((effect) => [effect, namespaceOf(effect)])),
  );
  return knownEffects;
}

function namespaceOf(effect: string): string {
  const dot = effect.indexOf('.');
  return dot < 0 ? effect : effect.slice(0, dot);
}

/**
 * A policy put to work: answers whether an effect is allowed and confines Disk paths. Built once per run from an
 * `EffectPolicy`; the built-ins consult it through `HostContext.sandbox`.
 */
export class Sandbox {
  /** The real path of `diskRoot`, or `null`. */
  readonly diskRoot: string | null;
  private readonly allowed: ReadonlySet<string>;

  /**
   * @param policy The policy.
   * @throws {EffectPolicyError} When `allow` names an unknown effect, or `diskRoot` is not a folder.
   */
  constructor(readonly policy: EffectPolicy) {
    for (const name of policy.allow) {
      if (!known().has(name)) {
        throw new EffectPolicyError(
          RuntimeMessages.unknownAllowedEffect(name, closestName(name, known()), policy.origin),
        );
      }
    }
    this.allowed = new Set(policy.allow);
    this.diskRoot = policy.diskRoot === null ? null : realFolder(policy.diskRoot, policy.origin);
  }

  /** Whether a call with this effect (a method such as `Disk.readText`) may run. */
  allows(effect: string): boolean {
    const namespace = namespaceOf(effect);
    return (
      !SANDBOXED_NAMESPACES.includes(namespace) || this.allowed.has(effect) || this.allowed.has(namespace)
    );
  }

  /**
   * Fails a call whose effect the policy denies.
   * @throws {AverRuntimeError} Naming the effect and the manifest key that would allow it.
   */
  require(effect: string): void {
    if (!this.allows(effect))
      throw new AverRuntimeError(RuntimeMessages.effectDenied(effect, this.policy.origin));
  }

  /**
   * The path a `Disk.*` call may use: with a disk root, `target` resolved against it component by component (each
   * symlink followed where it is, `..` applied to the real folder it leaves) and required to stay inside it; without
   * one, `target` itself.
   * @throws {AverRuntimeError} When the path leaves the disk root.
   */
  diskPath(effect: string, target: string): string {
    const root = this.diskRoot;
    if (root === null) return target;
    const resolved = resolvePhysically(root, target);
    if (resolved !== root && !resolved.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) {
      throw new AverRuntimeError(RuntimeMessages.pathOutsideRoot(effect, target, root, this.policy.origin));
    }
    return resolved;
  }

  /**
   * The declared effects of `main` that the policy denies entirely, as `error[L:C]: …` lines: the checker makes
   * every caller up to `main` declare what it uses, so `main`'s `! [..]` bounds the whole run (top-level statements
   * are checked when they run). A namespace entry (`! [Disk]`) is denied only when no method of it is allowed.
   * @param mainEffects `CompiledProgram.mainEffects`.
   * @returns The error lines, empty when the program may run.
   */
  deniedDeclarations(mainEffects: readonly EffectRef[]): string[] {
    const lines: string[] = [];
    for (const effect of mainEffects) {
      const name = effect.name;
      const allowed = name.includes('.')
        ? this.allows(name)
        : !SANDBOXED_NAMESPACES.includes(name) ||
          this.policy.allow.some((entry) => namespaceOf(entry) === name);
      if (!allowed) {
        lines.push(
          `error[${effect.span.line}:${effect.span.column}]: ${RuntimeMessages.declaredEffectDenied(name, this.policy.origin)}`,
        );
      }
    }
    return lines;
  }
}

/** How many symlinks one path may go through, like the OS's `ELOOP` limit. */
const MAX_SYMLINKS = 40;

/**
 * `target` resolved like the OS would, from `base`: each existing component replaced by its real path (symlinks
 * followed where they are, so `..` leaves the folder a link points to), a dangling symlink followed to where it
 * would create its target, and missing components kept as written.
 */
function resolvePhysically(base: string, target: string, links = { left: MAX_SYMLINKS }): string {
  let current = path.isAbsolute(target) ? path.parse(target).root : base;
  let missing = false;
  for (const part of target.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      current = path.dirname(current);
      continue;
    }
    const next = path.join(current, part);
    if (missing) {
      current = next;
      continue;
    }
    try {
      current = realpathSync(next);
      continue;
    } catch {
      // Not there, or a link to nothing (or a loop): see below.
    }
    const link = symlinkText(next);
    // Past the link limit the path resolves to nothing, which no disk root contains.
    if (link !== null && links.left-- <= 0) return '';
    if (link === null) {
      // Nothing there yet (a file about to be written): no symlink can be in what follows.
      missing = true;
      current = next;
    } else {
      current = resolvePhysically(current, link, links);
      missing = !exists(current);
    }
  }
  return current;
}

function symlinkText(file: string): string | null {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : null;
  } catch {
    return null;
  }
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function realFolder(folder: string, origin: string): string {
  try {
    if (statSync(folder).isDirectory()) return realpathSync(folder);
  } catch {
    // Reported below.
  }
  throw new EffectPolicyError(RuntimeMessages.diskRootNotFolder(folder, origin));
}
