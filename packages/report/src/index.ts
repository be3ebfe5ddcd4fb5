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
export {
  BackendInfoSchema,
  BenchReportSchema,
  FunctionCountersSchema,
  HostInfoSchema,
  IterationStatsSchema,
  ReplicateRecordSchema,
  RunCountersSchema,
  ScenarioMetadataSchema,
  SteadyStateSchema,
} from './schema.js';
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
export { escapeControlChars, escapeControlCharsInText, quoteText } from './escape-text.js';
export { formatFixed } from './format-fixed.js';
export { formatJsonFloat, formatRustFloat } from './format-float.js';
export type { ReportFormat, ReportFormatter } from './format.js';
export { formatHuman, formatMs, formats } from './format.js';
export type { SortedSamples } from './stats/sort-samples.js';
export { sortSamples } from './stats/sort-samples.js';
export { nearestRankIndex, percentile } from './stats/percentile.js';
export { mean } from './stats/mean.js';
export { median } from './stats/median.js';
export { mad } from './stats/mad.js';
export { stddev } from './stats/stddev.js';
export { cv } from './stats/cv.js';
export { statsFromSamples } from './stats/stats-from-samples.js';
