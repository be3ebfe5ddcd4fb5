import { WrapKind, type WrapValue } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';

/**
 * The `Result` namespace (language reference: "Pure namespaces", Option / Result). `Result.Ok` and
 * `Result.Err` are constructors compiled by the compiler, not rows here.
 */
export const RESULT_IMPLS: BuiltinImpls = {
  'Result.withDefault': (_host, a, b) => ((a as WrapValue).wrap === WrapKind.Ok ? (a as WrapValue).value : b),
};
