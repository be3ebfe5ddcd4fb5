import type { BuiltinImpls } from './builtin-def.js';
import { listFromItems } from './list.js';

/**
 * The `Args` namespace (language reference: "Effectful namespaces"): the CLI args after `--`, or the
 * manifest's `args`.
 */
export const ARGS_IMPLS: BuiltinImpls = {
  'Args.get': (host) => listFromItems(host.args, 0, host.args.length),
};
