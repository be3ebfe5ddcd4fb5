import { NoneValue, type Value, WrapValue } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { err, ok } from './wrappers.js';

/**
 * The `Option` namespace (language reference: "Pure namespaces", Option / Result). `Option.Some` and
 * `Option.None` are constructors compiled by the compiler, not rows here.
 */
export const OPTION_IMPLS: BuiltinImpls = {
  'Option.withDefault': (_host, a, b) => (a instanceof WrapValue ? a.value : b),
  'Option.toResult': (_host, a, b): Value => (a instanceof NoneValue ? err(b) : ok((a as WrapValue).value)),
};
