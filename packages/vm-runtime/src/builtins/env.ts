import { NONE, UNIT } from '../values.js';
import type { BuiltinImpls, HostContext } from './builtin-def.js';
import { some } from './wrappers.js';

function environment(host: HostContext): Record<string, string | undefined> {
  return host.env ?? process.env;
}

/** The `Env` namespace (language reference: "Effectful namespaces"). */
export const ENV_IMPLS: BuiltinImpls = {
  'Env.get': (host, a) => {
    const value = environment(host)[a as string];
    return value === undefined ? NONE : some(value);
  },
  'Env.set': (host, a, b) => {
    environment(host)[a as string] = b as string;
    return UNIT;
  },
};
