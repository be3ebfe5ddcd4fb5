import { AverRuntimeError } from '../errors.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { ARGS_IMPLS } from './args.js';
import type { BuiltinDef, BuiltinImpl, BuiltinImpls, BuiltinSignature } from './builtin-def.js';
import { BOOL_IMPLS } from './bool.js';
import { BRANCH_PATH_IMPLS } from './branch-path.js';
import { BYTE_IMPLS } from './byte.js';
import { CHAR_IMPLS } from './char.js';
import { CONSOLE_IMPLS } from './console.js';
import { DISK_IMPLS } from './disk.js';
import { ENV_IMPLS } from './env.js';
import { FLOAT_IMPLS } from './float.js';
import { INT_IMPLS, intModTruncated } from './int.js';
import { LIST_IMPLS } from './list.js';
import { MAP_IMPLS } from './map.js';
import { OPTION_IMPLS } from './option.js';
import { RANDOM_IMPLS } from './random.js';
import { RESULT_IMPLS } from './result.js';
import { BUILTIN_INDEX, BUILTIN_SIGNATURES } from './signatures.js';
import { STRING_IMPLS } from './string.js';
import { TIME_IMPLS } from './time.js';
import { VECTOR_IMPLS } from './vector.js';
import { guardEffect } from './effect-guard.js';
import { meterWork } from './work-cost.js';

/** Every implemented built-in, by qualified name (one module per namespace). */
const IMPLEMENTATIONS: BuiltinImpls = {
  ...INT_IMPLS,
  ...FLOAT_IMPLS,
  ...STRING_IMPLS,
  ...CHAR_IMPLS,
  ...BYTE_IMPLS,
  ...BOOL_IMPLS,
  ...LIST_IMPLS,
  ...VECTOR_IMPLS,
  ...MAP_IMPLS,
  ...OPTION_IMPLS,
  ...RESULT_IMPLS,
  ...CONSOLE_IMPLS,
  ...ARGS_IMPLS,
  ...TIME_IMPLS,
  ...RANDOM_IMPLS,
  ...ENV_IMPLS,
  ...DISK_IMPLS,
  ...BRANCH_PATH_IMPLS,
};

/**
 * Every built-in function of v0.15–0.24 (language reference: "Built-in namespaces and functions"): the rows of `BUILTIN_SIGNATURES` (what the checker
 * reads) joined with their implementations (what the VM and other backends call), in the same order, so
 * `BUILTIN_INDEX` indexes both. A service this runtime does not implement fails at run time, naming the service; the
 * built-ins whose work grows with their input charge it to the run's deadline and step budget (`meterWork`), and
 * those whose effect a sandbox may deny ask the run's sandbox first (`guardEffect`).
 */
export const BUILTINS: readonly BuiltinDef[] = joinImplementations(BUILTIN_SIGNATURES, IMPLEMENTATIONS).map(
  (row) => guardEffect(meterWork(row)),
);

/**
 * The implementations by `BUILTIN_INDEX`, with the `Int.mod` of a program's era (`CheckedProgram.intModStyle`): the
 * truncated remainder of 0.15–0.17.0 or the Euclidean one of 0.17.1 and later.
 */
export function builtinImplementations(intModStyle: 'truncated' | 'euclidean'): BuiltinImpl[] {
  const impls = BUILTINS.map((row) => row.impl);
  if (intModStyle === 'truncated') impls[BUILTIN_INDEX.get('Int.mod')!] = intModTruncated;
  return impls;
}

/**
 * Joins signature rows and implementations by name; a row without an implementation (other than an `unavailable`
 * service) or an implementation without a row is a broken table, reported when this module loads.
 */
export function joinImplementations(
  signatures: readonly BuiltinSignature[],
  implementations: BuiltinImpls,
): BuiltinDef[] {
  const rows = signatures.map((row): BuiltinDef => {
    const impl = row.unavailable === true ? unavailableImpl(row.name) : implementations[row.name];
    if (impl === undefined) throw new Error(`Internal error: built-in ${row.name} has no implementation`);
    return { ...row, impl };
  });
  const named = new Set(signatures.map((row) => row.name));
  for (const name of Object.keys(implementations)) {
    if (!named.has(name)) throw new Error(`Internal error: built-in implementation ${name} has no signature`);
  }
  return rows;
}

/** The implementation of a service the checker knows but this runtime does not provide. */
function unavailableImpl(name: string): BuiltinImpl {
  const message = RuntimeMessages.serviceUnavailable(name, name.slice(0, name.lastIndexOf('.')));
  return () => {
    throw new AverRuntimeError(message);
  };
}

export type {
  BuiltinDef,
  BuiltinEra,
  BuiltinImpl,
  BuiltinImpls,
  BuiltinSignature,
  HostContext,
} from './builtin-def.js';
export { BRANCH_PATH_ROOT, BUILTIN_CONSTANTS, branchPath } from './branch-path.js';
export { intModTruncated } from './int.js';
export {
  BUILTIN_RECORD_TYPES,
  BUILTIN_RECORDS,
  type BuiltinRecordDef,
  type BuiltinRecordField,
} from './records.js';
export { BUILTIN_CONSTANT_TYPES, BUILTIN_INDEX, BUILTIN_SIGNATURES } from './signatures.js';
