export type { DiffReport, MetricDiff } from './types.js';
export { metricDiff } from './metric-diff.js';
export { diff } from './diff.js';
export { formatDiff } from './format-diff.js';
export { formatDiffLine } from './format-diff-line.js';
export { formatRustDebugList, formatRustDebugString } from './rust-debug.js';
