import * as v from 'valibot';

/*
 * Schemas of the non-report lines we write. They validate what the readers rely on and keep other keys, so a
 * line written by a newer version with extra keys still reads.
 */

const verdict = v.picklist(['regression', 'improvement', 'unchanged', 'inconclusive'], 'a verdict');
const nullableNumber = v.nullable(v.number('number or null'));
const count = v.pipe(v.number('integer'), v.integer('integer'), v.minValue(1, 'positive integer'));
const names = v.array(v.string('string'), 'array of strings');

/**
 * A metric of the directory-mode diff line (bench spec: "CLI: directory mode"); non-finite numbers are written as
 * `null`.
 */
const DiffMetricSchema = v.object(
  {
    baseline_ms: nullableNumber,
    current_ms: nullableNumber,
    delta_pct: nullableNumber,
    tolerance_pct: nullableNumber,
    regressed: v.boolean('boolean'),
  },
  'object',
);

/** `{"kind":"diff","scenario":…,"regressed":…,"p50":{…},"p95":{…},"notes":[…]}`. */
export const DiffLineSchema = v.looseObject(
  {
    kind: v.literal('diff', '"diff"'),
    scenario: v.string('string'),
    regressed: v.boolean('boolean'),
    p50: DiffMetricSchema,
    p95: DiffMetricSchema,
    notes: names,
  },
  'object',
);

/** `{"kind":"ab","scenario":…,"time":{"verdict","ratio","ci"},"counters":{"verdict",…},"response":…}`. */
export const AbLineSchema = v.looseObject(
  {
    kind: v.literal('ab', '"ab"'),
    scenario: v.string('string'),
    time: v.looseObject(
      {
        verdict,
        ratio: nullableNumber,
        ci: v.nullable(v.tuple([v.number('number'), v.number('number')], '[low, high] or null')),
      },
      'object',
    ),
    counters: v.optional(v.nullable(v.looseObject({ verdict }, 'object')), null),
    response: v.optional(v.nullable(v.picklist(['same', 'changed'], '"same" or "changed"')), null),
  },
  'object',
);

/**
 * `{"kind":"stat-diff","scenario":…,"time":{…},"counters":{…},"response":…,"target":…,"regressed":…,"notes":[…],…}`:
 * the `ab` keys, then what a comparison with a stored baseline adds.
 */
export const StatDiffLineSchema = v.looseObject(
  {
    ...AbLineSchema.entries,
    kind: v.literal('stat-diff', '"stat-diff"'),
    target: v.string('string'),
    regressed: v.boolean('boolean'),
    notes: names,
  },
  'object',
);

/** `{"kind":"shard","index":K,"count":N,"scenarios":[…],"assigned":[…],"targets":[…]}`. */
export const ShardLineSchema = v.object(
  {
    kind: v.literal('shard', '"shard"'),
    index: count,
    count,
    scenarios: names,
    assigned: names,
    targets: names,
  },
  'object',
);

/** The first problem valibot found, as `path: expected X, got Y` or `path: required key is missing`. */
export function describeFirstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  if (issue.input === undefined && path !== '') return `${path}: required key is missing`;
  return `${path === '' ? 'line' : path}: expected ${issue.message}, got ${shortJson(issue.input)}`;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `{"kind":"failure","scenario":…,"target":…,"error":…,"message":…}`: a scenario contained instead of measured. */
export const FailureLineSchema = v.looseObject(
  {
    kind: v.literal('failure', '"failure"'),
    scenario: v.string('string'),
    target: v.string('string'),
    error: v.string('string'),
    message: v.string('string'),
  },
  'object',
);
