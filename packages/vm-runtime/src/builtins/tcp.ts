import type { BuiltinDef } from './builtin-def.js';
import { unavailable } from './define.js';

/**
 * The `Tcp` namespace (language reference: "Effectful namespaces"): checked, not implemented in this runtime.
 */
export const TCP_BUILTINS: readonly BuiltinDef[] = [
  unavailable('Tcp.connect', '(String, Int) -> Result<Tcp.Connection, String>'),
  /** One-shot `(host, port, message)`. */
  unavailable('Tcp.send', '(String, Int, String) -> Result<String, String>'),
  unavailable('Tcp.ping', '(String, Int) -> Result<Unit, String>'),
  unavailable('Tcp.writeLine', '(Tcp.Connection, String) -> Result<Unit, String>'),
  unavailable('Tcp.readLine', '(Tcp.Connection) -> Result<String, String>'),
  unavailable('Tcp.close', '(Tcp.Connection) -> Result<Unit, String>'),
];
