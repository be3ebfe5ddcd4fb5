import { AverRuntimeError } from '../errors.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { NONE } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { some } from './wrappers.js';

/** The `Char` namespace (language reference: "Pure namespaces", Char): a char is a one-code-point String. */
export const CHAR_IMPLS: BuiltinImpls = {
  /** Code point of the first char; runtime error `Char.toCode: string is empty` on `""`. */
  'Char.toCode': (_host, a) => {
    const code = (a as string).codePointAt(0);
    if (code === undefined) throw new AverRuntimeError(RuntimeMessages.charToCodeEmpty());
    return code;
  },
  /** `None` for negatives, surrogates (U+D800..U+DFFF) and values above U+10FFFF. */
  'Char.fromCode': (_host, a) => {
    if (typeof a !== 'number' || a < 0 || a > 0x10ffff || (a >= 0xd800 && a <= 0xdfff)) return NONE;
    return some(String.fromCodePoint(a));
  },
};
