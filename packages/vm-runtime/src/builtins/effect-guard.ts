import type { BuiltinDef, BuiltinImpl } from './builtin-def.js';

/**
 * The namespaces a sandboxed run denies unless its policy allows them: every effect that touches the world outside
 * the program (files, the environment, the network, the terminal). `Console`, `Time`, `Random` and `Args` stay
 * allowed: a benchmark prints, reads the clock, draws numbers and reads its arguments.
 */
export const SANDBOXED_NAMESPACES: readonly string[] = Object.freeze([
  'Disk',
  'Env',
  'Http',
  'HttpServer',
  'Tcp',
  'Terminal',
]);

/**
 * A service row whose effect a sandbox may deny (`Disk`, `Env`, `Http`, `HttpServer`, `Tcp`, `Terminal`) asks the
 * run's sandbox (`HostContext.sandbox`) before it runs; a `Disk.*` row also hands its path (always the first
 * argument) to the sandbox, which resolves and confines it. Other rows are unchanged, and a run without a sandbox
 * (`aver run`) pays one property read.
 * @param row A row of the built-in table.
 * @returns The row, guarded when its effect can be denied.
 */
export function guardEffect(row: BuiltinDef): BuiltinDef {
  const effect = row.effects[0];
  if (effect === undefined) return row;
  const namespace = effect.slice(0, effect.indexOf('.'));
  if (!SANDBOXED_NAMESPACES.includes(namespace)) return row;
  const impl = row.impl;
  const takesPath = namespace === 'Disk';
  const guarded: BuiltinImpl = (host, a, b, c, d) => {
    const sandbox = host.sandbox;
    if (sandbox === undefined) return impl(host, a, b, c, d);
    sandbox.require(effect);
    return impl(host, takesPath ? sandbox.diskPath(effect, a as string) : a, b, c, d);
  };
  return { ...row, impl: guarded };
}
