import { WrapKind, type WrapValue } from '../values.js';
import type { BuiltinDef } from './builtin-def.js';
import { pure } from './define.js';

/**
 * The `Result` namespace (language reference: "Pure namespaces", Option / Result). `Result.Ok` and
 * `Result.Err` are constructors compiled by the compiler, not rows here.
 */
export const RESULT_BUILTINS: readonly BuiltinDef[] = [
  pure('Result.withDefault', '(Result<T, E>, T) -> T', (_host, a, b) =>
    (a as WrapValue).wrap === WrapKind.Ok ? (a as WrapValue).value : b,
  ),
];
