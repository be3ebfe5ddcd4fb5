import { NONE, UNIT } from '../values.js';
import type { BuiltinDef, HostContext } from './builtin-def.js';
import { service } from './define.js';
import { some } from './wrappers.js';

function environment(host: HostContext): Record<string, string | undefined> {
  return host.env ?? process.env;
}

/** The `Env` namespace (language reference: "Effectful namespaces"). */
export const ENV_BUILTINS: readonly BuiltinDef[] = [
  service('Env.get', '(String) -> Option<String>', (host, a) => {
    const value = environment(host)[a as string];
    return value === undefined ? NONE : some(value);
  }),
  service('Env.set', '(String, String) -> Unit', (host, a, b) => {
    environment(host)[a as string] = b as string;
    return UNIT;
  }),
];
