/** Every user-facing text of @aver/bench-stats, in one place. */

/** A statistic got no values at all. */
export const empty = (what: string): string => `${what} needs at least one value`;

/** A value that must be a finite number is not. */
export const notFinite = (what: string, value: number): string => `${what} must be finite, got ${value}`;

/** A time or location that must be positive is not (ratios divide by it). */
export const notPositive = (what: string, value: number): string => `${what} must be positive, got ${value}`;

/** A probability, level or quantile outside its range. */
export const outOfRange = (what: string, value: number, range: string): string =>
  `${what} must be in ${range}, got ${value}`;

/** A count option that is not a positive integer. */
export const notPositiveInteger = (what: string, value: number): string =>
  `${what} must be a positive integer, got ${value}`;

/** One replicate of a side has no samples. */
export const emptyReplicate = (side: string, index: number): string =>
  `${side} replicate ${index + 1} has no samples`;
