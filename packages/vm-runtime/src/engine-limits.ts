import { constants } from 'node:buffer';
import { getHeapStatistics } from 'node:v8';
import { AverRuntimeError } from './errors.js';
import { RuntimeMessages } from './runtime-messages.js';

/**
 * The longest String an Aver program may build in this isolate, in UTF-16 units: the largest power of two no
 * greater than an eighth of the heap limit, and never above the engine's own longest string.
 *
 * Why a limit below V8's: V8 builds `a + b` as a rope and copies it into one flat block the first time the text is
 * read (a comparison, a Map key, printing). When that one block is several times the heap limit, V8 aborts the
 * whole process (`FATAL ERROR: ... JavaScript heap out of memory`), not just the worker that asked, so a worker's
 * `resourceLimits` cannot contain it. A block of at most a quarter of the heap limit (two bytes per unit) fails, at
 * worst, as the ordinary out-of-memory the worker reports. A power of two keeps the number in the message
 * readable and the same for every run with the same heap limit. With Node's default heap on a 64-bit machine with
 * 16 GB or more this is V8's limit, 536,870,888.
 */
export const MAX_STRING_LENGTH: number = Math.min(
  constants.MAX_STRING_LENGTH,
  2 ** Math.floor(Math.log2(getHeapStatistics().heap_size_limit / 8)),
);

/** The runtime error of a String past `MAX_STRING_LENGTH` (a resource limit, like the engine's own). */
export function stringTooLong(): AverRuntimeError {
  return new AverRuntimeError(RuntimeMessages.stringTooLong(MAX_STRING_LENGTH), 'limit');
}

/** `text` itself, or the `stringTooLong` error when it is longer than `MAX_STRING_LENGTH`. */
export function checkedString(text: string): string {
  if (text.length > MAX_STRING_LENGTH) throw stringTooLong();
  return text;
}

/**
 * The Aver error for a `RangeError` of the JavaScript engine, in our words (never V8's raw text): a String or an
 * array past the engine's limits, or the native stack exhausted. All are resource limits (`kind: 'limit'`).
 * @param error What the engine threw.
 * @param line The source line, when known.
 */
export function engineLimitError(error: RangeError, line: number | null = null): AverRuntimeError {
  // V8's RangeErrors carry no code or subclass: their message is the only thing that tells these limits apart.
  const text = error.message;
  let message: string;
  if (text.includes('Invalid string length')) message = RuntimeMessages.stringTooLong(MAX_STRING_LENGTH);
  else if (text.includes('Maximum call stack size exceeded'))
    message = RuntimeMessages.nativeStackExhausted();
  else if (/Invalid (typed )?array length|Array buffer allocation failed/.test(text))
    message = RuntimeMessages.collectionTooLarge();
  else message = RuntimeMessages.engineLimit(text);
  return new AverRuntimeError(message, 'limit', line);
}
