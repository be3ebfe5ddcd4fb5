/**
 * What each chart of the page shows, as plain data: the page generator computes it in Node (where it is tested)
 * and embeds it as JSON; the page script turns each spec into a Chart.js chart with the theme's colours. The
 * same file is type-checked for both sides, so it holds only types and the id of the data element.
 */

/** The role of a series decides its colour: the page's palette has one per role. */
export type SeriesRole = 'head' | 'base' | 'secondary' | 'regression' | 'series';

/**
 * The distribution of timed samples: one violin (with every sample drawn as a dot) per group. Groups are the
 * replicates of one run, or `base` and `head` of a comparison.
 */
export interface DistributionSpec {
  readonly kind: 'distribution';
  readonly groups: readonly {
    readonly label: string;
    readonly role: SeriesRole;
    readonly samples: readonly number[];
  }[];
}

/** Percentiles as bars, for a report that carries no samples (written by the reference). */
export interface PercentilesSpec {
  readonly kind: 'percentiles';
  /** `min`, `p50`, `p95`, `p99`, `max`, `mean` with their values in ms. */
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

/** Samples in measurement order (x = iteration), one series per replicate: shows warm-up trends and modes. */
export interface SequenceSpec {
  readonly kind: 'sequence';
  readonly series: readonly {
    readonly label: string;
    readonly role: SeriesRole;
    readonly samples: readonly number[];
  }[];
}

/** Base against head: grouped bars of p50 and p95. */
export interface ComparisonSpec {
  readonly kind: 'comparison';
  readonly metrics: readonly string[];
  readonly base: readonly (number | null)[];
  readonly head: readonly (number | null)[];
}

/** One point of a history line. */
export interface HistoryPointSpec {
  /** Index of the run (x). */
  readonly run: number;
  readonly value: number;
  readonly regressed: boolean;
}

/**
 * History across runs: one line per series; regressed points are drawn as red triangles. Used per scenario
 * (p50 and p95 in ms) and for the overview (each scenario's p50 relative to its first run).
 */
export interface HistorySpec {
  readonly kind: 'history';
  /** Labels of the runs along x (input file names). */
  readonly runs: readonly string[];
  readonly unit: 'ms' | 'ratio';
  readonly series: readonly {
    readonly label: string;
    readonly role: SeriesRole;
    readonly points: readonly HistoryPointSpec[];
  }[];
}

export type ChartSpec = DistributionSpec | PercentilesSpec | SequenceSpec | ComparisonSpec | HistorySpec;

/** Everything the page script reads: chart id (the canvas's `data-chart`) → spec. */
export interface PageData {
  readonly charts: Readonly<Record<string, ChartSpec>>;
}

/** The id of the `<script type="application/json">` element holding `PageData`. */
export const PAGE_DATA_ID = 'aver-bench-data';
