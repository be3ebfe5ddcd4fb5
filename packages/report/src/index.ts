/**
 * The `aver bench` report contract: the report's types and valibot schema (its JSON Schema ships as
 * `@aver/bench-report/schema.json`), reading and writing reports byte for byte as the reference does, the human
 * rendering, and the statistics the report's numbers are computed with.
 *
 * @packageDocumentation
 */

// The report and its parts (derived from the schema).
export type {
  BackendInfo,
  BenchReport,
  FunctionCounters,
  HostInfo,
  IterationStats,
  ReplicateRecord,
  RunCounters,
  ScenarioMetadata,
  SteadyState,
} from './types.js';
export { BenchReportSchema } from './schema.js';

// Reading and writing.
export type { NdjsonLine } from './ndjson-lines.js';
export { ndjsonLines } from './ndjson-lines.js';
export type { ReportLine } from './parse-report.js';
export {
  parseReport,
  parseReportJson,
  parseReports,
  ReportParseError,
  readReportLines,
} from './parse-report.js';
export type { SerializeOptions } from './serialize-report.js';
export { serializeReport } from './serialize-report.js';

// Rendering for people, and the number and text formats it shares with the other renderers.
export type { ReportFormat } from './format.js';
export { formatHuman, formatMs, formats } from './format.js';
export { formatFixed } from './format-fixed.js';
export { formatRustFloat } from './format-float.js';
export { escapeControlChars, escapeControlCharsInText, quoteText } from './escape-text.js';

// Statistics, as the reference computes them.
export { statsFromSamples } from './stats/stats-from-samples.js';
export type { SortedSamples } from './stats/sort-samples.js';
export { sortSamples } from './stats/sort-samples.js';
export { percentile } from './stats/percentile.js';
export { median } from './stats/median.js';
