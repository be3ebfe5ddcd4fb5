import type { BuiltinImpls } from './builtin-def.js';

/**
 * The `Bool` namespace (language reference: "Pure namespaces", Bool): ordinary calls, both arguments
 * evaluated.
 */
export const BOOL_IMPLS: BuiltinImpls = {
  'Bool.and': (_host, a, b) => (a as boolean) && (b as boolean),
  'Bool.or': (_host, a, b) => (a as boolean) || (b as boolean),
  'Bool.not': (_host, a) => !a,
};
