import { toJsonSchema } from '@valibot/to-json-schema';
import {
  BackendInfoSchema,
  BenchReportSchema,
  FunctionCountersSchema,
  HostInfoSchema,
  IterationStatsSchema,
  ReplicateRecordSchema,
  RunCountersSchema,
  ScenarioMetadataSchema,
  SteadyStateSchema,
} from '../src/schema.js';

/** Where the generated schema is published: `@aver/bench-report/schema.json`. */
export const schemaFileName = 'schema.json';

/**
 * Builds the JSON Schema (draft 2020-12) of a report from the valibot schema that validates reports.
 * `finite` is dropped because JSON cannot hold NaN or infinities anyway, and `readonly` only shapes the TypeScript types.
 *
 * @returns The text of `schema.json`, with a final newline.
 */
export function buildJsonSchemaText(): string {
  const schema = toJsonSchema(BenchReportSchema, {
    target: 'draft-2020-12',
    ignoreActions: ['finite', 'readonly'],
    definitions: {
      ScenarioMetadata: ScenarioMetadataSchema,
      BackendInfo: BackendInfoSchema,
      HostInfo: HostInfoSchema,
      IterationStats: IterationStatsSchema,
      RunCounters: RunCountersSchema,
      FunctionCounters: FunctionCountersSchema,
      ReplicateRecord: ReplicateRecordSchema,
      SteadyState: SteadyStateSchema,
    },
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
