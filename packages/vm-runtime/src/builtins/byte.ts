import { RuntimeMessages } from '../runtime-messages.js';
import type { BuiltinImpls } from './builtin-def.js';
import { err, ok } from './wrappers.js';

const HEX_BYTE = /^[0-9a-fA-F]{2}$/;

/**
 * The `Byte` namespace (language reference: "Pure namespaces", Byte): in the 0.14.2–0.15.x checker and the
 * 0.17–0.23 VM table, gone from 0.24.
 */
export const BYTE_IMPLS: BuiltinImpls = {
  /** Two lowercase hex digits; `Err` outside 0..255. */
  'Byte.toHex': (_host, a) => {
    if (typeof a !== 'number' || a < 0 || a > 255) return err(RuntimeMessages.byteOutOfRange(String(a)));
    return ok(a < 16 ? '0' + a.toString(16) : a.toString(16));
  },
  /** Exactly two hex digits (either case); `Err` otherwise. */
  'Byte.fromHex': (_host, a) => {
    if (!HEX_BYTE.test(a as string)) return err(RuntimeMessages.invalidHexByte(a as string));
    return ok(Number.parseInt(a as string, 16));
  },
};
