import { displayValue } from '../display.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { UNIT } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { ReadLineError } from './read-line-error.js';
import { err, ok } from './wrappers.js';

const EOF_ERROR = RuntimeMessages.endOfInput();

/**
 * The `Console` namespace (language reference: "Effectful namespaces"). `print`, `error` and `warn` take any
 * value, as in 0.15 (the checker parameter `Any`; 0.16+ narrowed it to String, which displays the same): the
 * value is shown with the display rules (language reference: "Value display"), a String raw, and `Unit` (no display)
 * prints nothing, not even the newline.
 */
export const CONSOLE_IMPLS: BuiltinImpls = {
  /** stdout plus a newline. */
  'Console.print': (host, a) => {
    const text = typeof a === 'string' ? a : displayValue(a);
    if (text !== null) host.writeOut(text);
    return UNIT;
  },
  /** stderr plus a newline. */
  'Console.error': (host, a) => {
    const text = typeof a === 'string' ? a : displayValue(a);
    if (text !== null) host.writeErr(text);
    return UNIT;
  },
  /** stderr as `[warn] <msg>`. */
  'Console.warn': (host, a) => {
    const text = typeof a === 'string' ? a : displayValue(a);
    if (text !== null) host.writeErr('[warn] ' + text);
    return UNIT;
  },
  /** One line without its newline; `Err("EOF")` at end of input, `Err(<io error>)` when stdin cannot be read. */
  'Console.readLine': (host) => {
    let line: string | null;
    try {
      line = host.readLine();
    } catch (error) {
      if (error instanceof ReadLineError) return err(error.message);
      throw error;
    }
    return line === null ? err(EOF_ERROR) : ok(line);
  },
};
