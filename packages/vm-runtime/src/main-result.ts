import { displayValue } from './display.js';
import { type Value, WrapKind, WrapValue } from './values.js';
import { VmMessages } from './vm-messages.js';

/**
 * Whether `main`'s value says the program failed (language reference: "Errors and failure": a `main` that returns
 * `Result.Err(e)` makes `aver run` exit 1), and how to say so: `main returned error: <display of e>` (a String raw).
 * One home for the rule, so `aver run` and every bench target judge a run the same way.
 * @param value What `main` returned (Unit without `main`).
 * @returns The failure line, or `null` when the run succeeded.
 */
export function mainErrorMessage(value: Value): string | null {
  if (!(value instanceof WrapValue) || value.wrap !== WrapKind.Err) return null;
  return VmMessages.mainReturnedError(displayValue(value.value) ?? 'Unit');
}
