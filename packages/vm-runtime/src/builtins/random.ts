import { AverRuntimeError } from '../errors.js';
import type { Int } from '../int64.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { normalizeInt } from '../values.js';
import type { BuiltinImpls, HostContext } from './builtin-def.js';

function uniform(host: HostContext): number {
  return host.random === undefined ? Math.random() : host.random();
}

/** A uniform Int in `[min, max]` (inclusive); `min > max` is a runtime error (Rust `gen_range` panics). */
export function randomInt(host: HostContext, min: Int, max: Int): Int {
  if (min > max) throw new AverRuntimeError(RuntimeMessages.randomEmptyRange(String(min), String(max)));
  if (typeof min === 'number' && typeof max === 'number') {
    const span = max - min + 1;
    if (span <= Number.MAX_SAFE_INTEGER) return min + Math.floor(uniform(host) * span);
  }
  // Spans beyond 2^53: draw 64 bits from four 16-bit pieces (the modulo bias is below 2^-10).
  const low = BigInt(min);
  const span = BigInt(max) - low + 1n;
  let bits = 0n;
  for (let i = 0; i < 4; i++) bits = (bits << 16n) | BigInt(Math.floor(uniform(host) * 65536));
  return normalizeInt(low + (bits % span));
}

/** The `Random` namespace (language reference: "Effectful namespaces"). */
export const RANDOM_IMPLS: BuiltinImpls = {
  'Random.int': (host, a, b) => randomInt(host, a as Int, b as Int),
  /** Uniform in `[0, 1)`. */
  'Random.float': (host) => uniform(host),
};
