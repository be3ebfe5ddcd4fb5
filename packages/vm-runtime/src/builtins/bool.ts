import type { BuiltinDef } from './builtin-def.js';
import { pure } from './define.js';

/**
 * The `Bool` namespace (language reference: "Pure namespaces", Bool): ordinary calls, both arguments
 * evaluated.
 */
export const BOOL_BUILTINS: readonly BuiltinDef[] = [
  pure('Bool.and', '(Bool, Bool) -> Bool', (_host, a, b) => (a as boolean) && (b as boolean)),
  pure('Bool.or', '(Bool, Bool) -> Bool', (_host, a, b) => (a as boolean) || (b as boolean)),
  pure('Bool.not', '(Bool) -> Bool', (_host, a) => !a),
];
