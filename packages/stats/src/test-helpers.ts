import { readFileSync } from 'node:fs';

/** The committed SciPy/NumPy/statsmodels reference values (scripts/generate-reference.py). */
export interface Reference {
  readonly test_resamples: number;
  readonly mann_whitney: readonly {
    readonly name: string;
    readonly x: number[];
    readonly y: number[];
    readonly u: number;
    readonly p_asymptotic: number;
    readonly p_exact?: number;
  }[];
  readonly holm: readonly { readonly p: number[]; readonly adjusted: number[] }[];
  readonly quantile: readonly {
    readonly values: number[];
    readonly q: number[];
    readonly quantiles: number[];
    readonly median: number;
  }[];
  readonly normal_sf: readonly { readonly z: number; readonly sf: number }[];
  readonly bootstrap: readonly {
    readonly name: string;
    readonly base: number[][];
    readonly head: number[][];
    readonly base_location: number;
    readonly head_location: number;
    readonly ratio: number;
    readonly ci_95: BootstrapReference;
    readonly ci_99: BootstrapReference;
  }[];
}

/** One reference interval, with how far a bootstrap of the test's size strays (standard deviation). */
export interface BootstrapReference {
  readonly low: number;
  readonly high: number;
  readonly mc_sd_low: number;
  readonly mc_sd_high: number;
}

/** Reads the fixture once per test file. */
export function loadReference(): Reference {
  return JSON.parse(
    readFileSync(new URL('../test/fixtures/scipy-reference.json', import.meta.url), 'utf8'),
  ) as Reference;
}

/** `|actual − expected| ≤ tolerance · max(|expected|, floor)`: a relative check that tolerates exact zeros. */
export function closeTo(actual: number, expected: number, tolerance: number, floor = 1e-300): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(expected), floor);
}
