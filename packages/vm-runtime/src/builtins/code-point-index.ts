/**
 * Code-point indexing of JS (UTF-16) strings for the String built-ins (language reference:
 * "Runtime semantics: String": lengths and indices count Unicode scalar values). A string without surrogates indexes
 * directly; otherwise a table maps each code point index to its UTF-16 offset. Tables (and the "no surrogates"
 * finding) of recently used long strings are kept in a small cache, so a walk `String.charAt(s, 0..n)` costs O(n) in
 * total instead of O(n²).
 */

/** Strings shorter than this are scanned on every call: cheaper than a cache lookup. */
const CACHE_MIN_UNITS = 32;
/** Number of strings the cache remembers (a loop may walk two strings side by side). */
const CACHE_SLOTS = 4;

const SURROGATE = /[\uD800-\uDFFF]/;

const cachedStrings: (string | null)[] = new Array(CACHE_SLOTS).fill(null);
/** Per slot: the offset table, or `null` when the string has no surrogates. */
const cachedOffsets: (Uint32Array | null)[] = new Array(CACHE_SLOTS).fill(null);
let nextSlot = 0;
/** True once a string is cached, until the next release (so a run that cached nothing releases for free). */
let cacheInUse = false;
/** The string of the last cache hit or entry (a walk asks about the same string call after call). */
let lastString: string | null = null;
let lastOffsets: Uint32Array | null = null;
let hits = 0;
let misses = 0;

/**
 * UTF-16 offsets of every code point of `s` plus a final entry `s.length` (so entry `i + 1` ends code point `i`),
 * or `null` when `s` has no surrogates and code point `i` is unit `i`.
 */
export function codePointOffsets(s: string): Uint32Array | null {
  if (s === lastString) {
    hits++;
    return lastOffsets;
  }
  if (s.length < CACHE_MIN_UNITS) return SURROGATE.test(s) ? buildOffsets(s) : null;
  for (let slot = 0; slot < CACHE_SLOTS; slot++) {
    if (cachedStrings[slot] === s) {
      hits++;
      lastString = s;
      lastOffsets = cachedOffsets[slot];
      return lastOffsets;
    }
  }
  misses++;
  cacheInUse = true;
  const offsets = SURROGATE.test(s) ? buildOffsets(s) : null;
  cachedStrings[nextSlot] = s;
  cachedOffsets[nextSlot] = offsets;
  lastString = s;
  lastOffsets = offsets;
  nextSlot = (nextSlot + 1) % CACHE_SLOTS;
  return offsets;
}

function buildOffsets(s: string): Uint32Array {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff || i === 0 || !isHighSurrogate(s.charCodeAt(i - 1))) count++;
  }
  const offsets = new Uint32Array(count + 1);
  let index = 0;
  for (let i = 0; i < s.length; i++) {
    offsets[index++] = i;
    if (isHighSurrogate(s.charCodeAt(i)) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) i++;
  }
  offsets[count] = s.length;
  return offsets;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Number of code points of `s`. */
export function codePointLength(s: string): number {
  const offsets = codePointOffsets(s);
  return offsets === null ? s.length : offsets.length - 1;
}

/** Code points `[start, end)` of `s`; the caller has clamped `0 ≤ start ≤ end ≤ codePointLength(s)`. */
export function codePointSlice(s: string, start: number, end: number): string {
  const offsets = codePointOffsets(s);
  if (offsets === null) return s.slice(start, end);
  return s.slice(offsets[start], offsets[end]);
}

/** The code point at `index` of `s` as a string, or `undefined` when `index` is out of range. */
export function codePointAt(s: string, index: number): string | undefined {
  const offsets = codePointOffsets(s);
  if (offsets === null) return index >= 0 && index < s.length ? s[index] : undefined;
  if (index < 0 || index >= offsets.length - 1) return undefined;
  return s.slice(offsets[index], offsets[index + 1]);
}

/** Cache counters, for tests that prove a walk hits the cache instead of rescanning. */
export function codePointCacheStats(): { hits: number; misses: number } {
  return { hits, misses };
}

/**
 * Forgets the cached strings but keeps the statistics. The VM calls it when a run ends, for two reasons: a long
 * string must not stay alive after its run, and a cache entry left by an earlier run would match the next run's
 * equal but distinct string only through a full content comparison (JS has no identity test for strings), which
 * would turn every later `charAt` into an O(n) call.
 */
export function releaseCodePointStrings(): void {
  if (!cacheInUse) return;
  cachedStrings.fill(null);
  cachedOffsets.fill(null);
  lastString = null;
  lastOffsets = null;
  cacheInUse = false;
}

/** Forgets every cached string and resets the statistics (tests). */
export function clearCodePointCache(): void {
  cachedStrings.fill(null);
  cachedOffsets.fill(null);
  lastString = null;
  lastOffsets = null;
  cacheInUse = false;
  hits = 0;
  misses = 0;
}
