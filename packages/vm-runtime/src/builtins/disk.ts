import { describeIoError, readTextFile } from '@aver/host-io';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { compareStrings } from '../equality.js';
import { RuntimeMessages } from '../runtime-messages.js';
import type { Value } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { listFromItems } from './list.js';
import { err, OK_UNIT, ok } from './wrappers.js';

/** `<operation> '<path>': <reason> (os error N)`, the reason phrased like Rust's `io::Error` display. */
function failure(operation: string, path: string, error: unknown): Value {
  return err(RuntimeMessages.diskFailure(operation, path, describeIoError(error)));
}

/** Runs a Unit-returning file operation as `Result<Unit, String>`. */
function attempt(operation: string, path: string, action: () => void): Value {
  try {
    action();
    return OK_UNIT;
  } catch (error) {
    return failure(operation, path, error);
  }
}

/**
 * The `Disk` namespace (language reference: "Effectful namespaces"): synchronous file access, failures as
 * `Err` text.
 */
export const DISK_IMPLS: BuiltinImpls = {
  /** The whole file as UTF-8 text. */
  'Disk.readText': (_host, a) => {
    const path = a as string;
    try {
      return ok(readTextFile(path));
    } catch (error) {
      return failure('Disk.readText', path, error);
    }
  },
  /** Creates or truncates the file. */
  'Disk.writeText': (_host, a, b) =>
    attempt('Disk.writeText', a as string, () => writeFileSync(a as string, b as string, 'utf8')),
  /** Creates the file when missing. */
  'Disk.appendText': (_host, a, b) =>
    attempt('Disk.appendText', a as string, () => appendFileSync(a as string, b as string, 'utf8')),
  'Disk.exists': (_host, a) => existsSync(a as string),
  /** Removes a file (not a directory). */
  'Disk.delete': (_host, a) => attempt('Disk.delete', a as string, () => unlinkSync(a as string)),
  /** Removes a directory and its contents (Rust `remove_dir_all`); a file is `Not a directory`. */
  'Disk.deleteDir': (_host, a) =>
    attempt('Disk.deleteDir', a as string, () => {
      if (!statSync(a as string).isDirectory()) {
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR', errno: -20 });
      }
      rmSync(a as string, { recursive: true });
    }),
  /** Creates a directory and its missing parents (Rust `create_dir_all`). */
  'Disk.makeDir': (_host, a) =>
    attempt('Disk.makeDir', a as string, () => mkdirSync(a as string, { recursive: true })),
  /** Entry names, sorted by code point so runs are reproducible. */
  'Disk.listDir': (_host, a) => {
    const path = a as string;
    try {
      const names = readdirSync(path).sort(compareStrings);
      return ok(listFromItems(names, 0, names.length));
    } catch (error) {
      return failure('Disk.listDir', path, error);
    }
  },
};
