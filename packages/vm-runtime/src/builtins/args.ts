import type { BuiltinDef } from './builtin-def.js';
import { service } from './define.js';
import { listFromItems } from './list.js';

/**
 * The `Args` namespace (language reference: "Effectful namespaces"): the CLI args after `--`, or the
 * manifest's `args`.
 */
export const ARGS_BUILTINS: readonly BuiltinDef[] = [
  service('Args.get', '() -> List<String>', (host) => listFromItems(host.args, 0, host.args.length)),
];
