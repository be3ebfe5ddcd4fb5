import type { BuiltinDef } from './builtin-def.js';
import { unavailable } from './define.js';

/**
 * The `Terminal` namespace (language reference: "Effectful namespaces"), 0.6.0+: checked, not implemented in
 * this runtime.
 */
export const TERMINAL_BUILTINS: readonly BuiltinDef[] = [
  unavailable('Terminal.enableRawMode', '() -> Unit'),
  unavailable('Terminal.disableRawMode', '() -> Unit'),
  unavailable('Terminal.clear', '() -> Unit'),
  unavailable('Terminal.moveTo', '(Int, Int) -> Unit'),
  unavailable('Terminal.print', '(String) -> Unit'),
  unavailable('Terminal.setColor', '(String) -> Unit'),
  unavailable('Terminal.resetColor', '() -> Unit'),
  unavailable('Terminal.readKey', '() -> Option<String>'),
  unavailable('Terminal.size', '() -> Terminal.Size'),
  unavailable('Terminal.hideCursor', '() -> Unit'),
  unavailable('Terminal.showCursor', '() -> Unit'),
  unavailable('Terminal.flush', '() -> Unit'),
];
