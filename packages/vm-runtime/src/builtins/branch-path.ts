import { AverRuntimeError } from '../errors.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { RecordValue, type Value } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { BUILTIN_RECORD_TYPES } from './records.js';

const BRANCH_PATH = BUILTIN_RECORD_TYPES.get('BranchPath')!;

/**
 * A `BranchPath` value: the built-in record `BranchPath(dewey: "0.1")` (Oracle addendum:
 * "`BranchPath`, `Trace`, `EffectEvent`").
 */
export function branchPath(dewey: string): RecordValue {
  return new RecordValue(BRANCH_PATH, [dewey]);
}

/** `BranchPath.Root`, the path outside any `!`/`?!` group: dewey `""`. */
export const BRANCH_PATH_ROOT = branchPath('');

/**
 * Built-in values that are not functions, with their type in Aver syntax (`BranchPath.Root`, Oracle addendum:
 * "`BranchPath`, `Trace`, `EffectEvent`").
 */
export const BUILTIN_CONSTANTS: ReadonlyMap<string, { readonly type: string; readonly value: Value }> =
  new Map([['BranchPath.Root', { type: 'BranchPath', value: BRANCH_PATH_ROOT }]]);

const DEWEY = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

/**
 * The `BranchPath` namespace of Oracle verification (Oracle addendum: "`BranchPath`, `Trace`, `EffectEvent`", the
 * 0.13–0.25 surface: plain results, not `Result`).
 */
export const BRANCH_PATH_IMPLS: BuiltinImpls = {
  /** The path of branch `i` under `p`: `"i"` under the root, else `"p.i"`. */
  'BranchPath.child': (_host, a, b) => {
    const index = b as number | bigint;
    if (index < 0) throw new AverRuntimeError(RuntimeMessages.branchPathNegativeIndex(String(index)));
    const parent = ((a as RecordValue).fields[0] as string) ?? '';
    return branchPath(parent === '' ? String(index) : `${parent}.${index}`);
  },
  /** `""` (the root) or dot-separated non-negative integers (`"0"`, `"2.0"`). */
  'BranchPath.parse': (_host, a) => {
    const text = a as string;
    if (text !== '' && !DEWEY.test(text)) throw new AverRuntimeError(RuntimeMessages.branchPathInvalid(text));
    return branchPath(text);
  },
};
