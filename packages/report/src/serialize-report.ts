import { formatJsonFloat } from './format-float.js';
import { parseReport } from './parse-report.js';
import type {
  BenchReport,
  BackendInfo,
  FunctionCounters,
  HostInfo,
  IterationStats,
  ReplicateRecord,
  RunCounters,
  ScenarioMetadata,
  SteadyState,
} from './types.js';

/** How `serializeReport` lays the JSON out. */
export interface SerializeOptions {
  /**
   * `true`: serde_json `to_string_pretty` layout (two-space indent), as `--json` and `--save-baseline` write
   * one report. `false`: compact `to_string`, one NDJSON line.
   *
   * @default false
   */
  readonly pretty?: boolean;
}

/**
 * Serialises a report byte for byte as the reference does: keys in contract order whatever order the caller
 * built them in, every key present (`null` for absent values), floats in serde_json's form (`1003.0`) and
 * integers plain. No trailing newline.
 *
 * @param report The report; it is validated first.
 * @param options Layout options.
 * @returns The JSON text.
 * @throws {ReportParseError} When the report does not match the contract.
 */
export function serializeReport(report: BenchReport, options: SerializeOptions = {}): string {
  const tree = reportNode(parseReport(report));
  return options.pretty ? writePretty(tree, '') : writeCompact(tree);
}

/** A JSON value with its scalar leaves already rendered, and object keys in the order they are written. */
type JsonNode =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, JsonNode])[] };

const scalar = (text: string): JsonNode => ({ kind: 'scalar', text });
const string = (value: string): JsonNode => scalar(JSON.stringify(value));
const integer = (value: number): JsonNode => scalar(String(value));
const float = (value: number): JsonNode => scalar(formatJsonFloat(value));
const nullable = <T>(value: T | null, node: (present: T) => JsonNode): JsonNode =>
  value === null ? scalar('null') : node(value);
const object = (entries: (readonly [string, JsonNode])[]): JsonNode => ({ kind: 'object', entries });
const array = (items: JsonNode[]): JsonNode => ({ kind: 'array', items });

function reportNode(report: BenchReport): JsonNode {
  return object([
    ['scenario', scenarioNode(report.scenario)],
    ['backend', backendNode(report.backend)],
    ['host', hostNode(report.host)],
    ['iterations', iterationsNode(report.iterations)],
    ['response_bytes', nullable(report.response_bytes, integer)],
    ['expected_match', nullable(report.expected_match, (match) => scalar(String(match)))],
    ['passes_applied', array(report.passes_applied.map(string))],
    ['compiler_visible_allocs', nullable(report.compiler_visible_allocs, integer)],
    ['response_sha256', nullable(report.response_sha256, string)],
    ['samples_ms', nullable(report.samples_ms, (samples) => array(samples.map(float)))],
    ['counters', nullable(report.counters, countersNode)],
    // Written only when present, so that a plain one-replicate report keeps exactly the keys above.
    ...(report.replicates == null
      ? []
      : [['replicates', array(report.replicates.map(replicateNode))] as const]),
  ]);
}

function replicateNode(replicate: ReplicateRecord): JsonNode {
  return object([
    ['samples_ms', array(replicate.samples_ms.map(float))],
    ['warmup_count', integer(replicate.warmup_count)],
    ['warmup_stable', nullable(replicate.warmup_stable, (stable) => scalar(String(stable)))],
    ['steady_state', nullable(replicate.steady_state, steadyStateNode)],
  ]);
}

function steadyStateNode(state: SteadyState): JsonNode {
  return object([
    ['kendall_tau', float(state.kendall_tau)],
    ['p_value', float(state.p_value)],
    ['early_late_ratio', float(state.early_late_ratio)],
    ['trending', scalar(String(state.trending))],
  ]);
}

function scenarioNode(scenario: ScenarioMetadata): JsonNode {
  return object([
    ['name', string(scenario.name)],
    ['entry', string(scenario.entry)],
    ['target', string(scenario.target)],
    ['iterations_count', integer(scenario.iterations_count)],
    ['warmup_count', integer(scenario.warmup_count)],
  ]);
}

function backendNode(backend: BackendInfo): JsonNode {
  return object([
    ['name', string(backend.name)],
    ['aver_version', string(backend.aver_version)],
    ['build', string(backend.build)],
    ['wasmtime_version', nullable(backend.wasmtime_version, string)],
  ]);
}

function hostNode(host: HostInfo): JsonNode {
  return object([
    ['os', string(host.os)],
    ['arch', string(host.arch)],
    ['cpus', integer(host.cpus)],
  ]);
}

function iterationsNode(stats: IterationStats): JsonNode {
  return object([
    ['min_ms', float(stats.min_ms)],
    ['max_ms', float(stats.max_ms)],
    ['mean_ms', float(stats.mean_ms)],
    ['p50_ms', float(stats.p50_ms)],
    ['p95_ms', float(stats.p95_ms)],
    ['p99_ms', float(stats.p99_ms)],
  ]);
}

function countersNode(counters: RunCounters): JsonNode {
  return object([
    ['instructions', integer(counters.instructions)],
    ['calls', integer(counters.calls)],
    ['allocations', integer(counters.allocations)],
    ['by_opcode', nullable(counters.by_opcode ?? null, byOpcodeNode)],
    [
      'functions',
      nullable(counters.functions ?? null, (rows) => array(sortedFunctions(rows).map(functionNode))),
    ],
  ]);
}

/** Opcode counts sorted by name (bytewise), so the same run always writes the same bytes. */
function byOpcodeNode(byOpcode: Readonly<Record<string, number>>): JsonNode {
  const names = Object.keys(byOpcode).sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
  return object(names.map((name) => [name, integer(byOpcode[name]!)] as const));
}

/** Most instructions first; ties by file, line, then name, so the order never depends on the runtime's. */
function sortedFunctions(rows: readonly FunctionCounters[]): FunctionCounters[] {
  const byText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
  return [...rows].sort(
    (left, right) =>
      right.instructions - left.instructions ||
      byText(left.file, right.file) ||
      (left.line ?? 0) - (right.line ?? 0) ||
      byText(left.name, right.name),
  );
}

function functionNode(row: FunctionCounters): JsonNode {
  return object([
    ['name', string(row.name)],
    ['file', string(row.file)],
    ['line', nullable(row.line, integer)],
    ['calls', integer(row.calls)],
    ['instructions', integer(row.instructions)],
    ['allocations', integer(row.allocations)],
  ]);
}

function writeCompact(node: JsonNode): string {
  switch (node.kind) {
    case 'scalar':
      return node.text;
    case 'array':
      return `[${node.items.map(writeCompact).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${writeCompact(value)}`).join(',')}}`;
  }
}

/** serde_json's PrettyFormatter: two-space indent, `": "` after keys, empty containers as `[]` / `{}`. */
function writePretty(node: JsonNode, indent: string): string {
  const inner = `${indent}  `;
  switch (node.kind) {
    case 'scalar':
      return node.text;
    case 'array':
      if (node.items.length === 0) return '[]';
      return `[\n${node.items.map((item) => inner + writePretty(item, inner)).join(',\n')}\n${indent}]`;
    case 'object':
      if (node.entries.length === 0) return '{}';
      return `{\n${node.entries
        .map(([key, value]) => `${inner}${JSON.stringify(key)}: ${writePretty(value, inner)}`)
        .join(',\n')}\n${indent}}`;
  }
}
