import { formatFixed } from '@aver/bench-report';

/** A ratio head/base as people read it: `×1.25`, `×0.80`. */
export function formatRatio(ratio: number): string {
  return `×${formatFixed(ratio, 2)}`;
}

/** A ratio as a signed change: `+25.0%`, `-20.0%`. */
export function formatChange(ratio: number): string {
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? '+' : ''}${formatFixed(pct, 1)}%`;
}

/** An interval of ratios as changes: `+2.0% to +12.0%`. */
export function formatInterval(interval: readonly [number, number]): string {
  return `${formatChange(interval[0])} to ${formatChange(interval[1])}`;
}

/** `12,345,678`: digits in groups of three. */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
