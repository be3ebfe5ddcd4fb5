import { NoneValue, type Value, WrapValue } from '../values.js';
import type { BuiltinDef } from './builtin-def.js';
import { pure } from './define.js';
import { err, ok } from './wrappers.js';

/**
 * The `Option` namespace (language reference: "Pure namespaces", Option / Result). `Option.Some` and
 * `Option.None` are constructors compiled by the compiler, not rows here.
 */
export const OPTION_BUILTINS: readonly BuiltinDef[] = [
  pure('Option.withDefault', '(Option<T>, T) -> T', (_host, a, b) => (a instanceof WrapValue ? a.value : b)),
  pure(
    'Option.toResult',
    '(Option<T>, E) -> Result<T, E>',
    (_host, a, b): Value => (a instanceof NoneValue ? err(b) : ok((a as WrapValue).value)),
  ),
];
