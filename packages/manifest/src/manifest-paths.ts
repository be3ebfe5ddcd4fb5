import { statSync } from 'node:fs';
import * as messages from './messages.js';
import { joinPathVerbatim } from './path-utils.js';

/** A problem with one key of a manifest, before the loader gives it the key's position. */
export interface Finding {
  /** Where in the document: keys and array indices (`['effects', 'disk_root']`, `['args', 1]`). */
  readonly path: readonly (string | number)[];
  /** The message, without the manifest path. */
  readonly message: string;
  /**
   * Whether the message is one of the reference's templates, printed verbatim (without our ` (line L, column C)`)
   * so that it matches the reference byte for byte.
   */
  readonly verbatim: boolean;
}

/**
 * Checks on disk each path a manifest names, where it is written as a string (a value of another type is the
 * schema's to report): `entry` must be a file, `module_root` and `effects.disk_root` folders. Paths are joined
 * verbatim to the manifest's folder (bench spec: "Path-resolution rules"); symlinks are followed.
 * @param document The parsed TOML document.
 * @param manifestDir The manifest's folder as Rust's `Path::parent` gives it (`''` for a bare file name).
 * @returns The problems, in the reference's check order.
 */
export function checkManifestPaths(document: Record<string, unknown>, manifestDir: string): Finding[] {
  const findings: Finding[] = [];
  const { entry, module_root: moduleRoot, effects } = document;
  if (typeof entry === 'string') {
    const resolved = joinPathVerbatim(manifestDir, entry);
    const kind = pathKind(resolved);
    if (kind === 'missing') {
      findings.push({
        path: ['entry'],
        message: messages.entryDoesNotExist(entry, resolved),
        verbatim: true,
      });
    } else if (kind !== 'file') {
      findings.push({ path: ['entry'], message: messages.entryNotAFile(entry, resolved), verbatim: false });
    }
  }
  if (typeof moduleRoot === 'string') {
    const resolved = joinPathVerbatim(manifestDir, moduleRoot);
    if (pathKind(resolved) !== 'directory') {
      findings.push({
        path: ['module_root'],
        message: messages.moduleRootNotADirectory(moduleRoot, resolved),
        verbatim: true,
      });
    }
  }
  const diskRoot = isTable(effects) ? effects.disk_root : undefined;
  if (typeof diskRoot === 'string') {
    const resolved = joinPathVerbatim(manifestDir, diskRoot);
    if (pathKind(resolved) !== 'directory') {
      findings.push({
        path: ['effects', 'disk_root'],
        message: messages.diskRootNotADirectory(diskRoot, resolved),
        verbatim: false,
      });
    }
  }
  return findings;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** What a path names on disk; anything that cannot be stat'ed (missing, no permission) counts as missing. */
function pathKind(resolved: string): 'file' | 'directory' | 'other' | 'missing' {
  try {
    const stats = statSync(resolved);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}
