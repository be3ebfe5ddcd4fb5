import { describe, expect, it } from 'vitest';
import { mergeShards } from './merge-shards.js';
import { readResults } from './read-results.js';
import { formatShardLine } from './shard-line.js';
import { line } from './test-helpers.js';

const SCENARIOS = ['a', 'b', 'c'];

function shardFile(
  index: number,
  assigned: readonly string[],
  body: readonly string[],
  options: { count?: number; scenarios?: readonly string[]; targets?: readonly string[] } = {},
) {
  const shard = formatShardLine({
    index,
    count: options.count ?? 2,
    scenarios: options.scenarios ?? SCENARIOS,
    assigned,
    targets: options.targets ?? ['vm'],
  });
  return readResults(`${[shard, ...body].join('\n')}\n`, `shard-${index}.ndjson`);
}

const diffLine = (name: string) =>
  `{"kind":"diff","scenario":"${name}","regressed":false,` +
  '"p50":{"baseline_ms":2,"current_ms":2,"delta_pct":0,"tolerance_pct":20,"regressed":false},' +
  '"p95":{"baseline_ms":3,"current_ms":3,"delta_pct":0,"tolerance_pct":30,"regressed":false},"notes":[]}';

describe('mergeShards', () => {
  it('joins shards into scenario order, each report after its diff line', () => {
    const merged = mergeShards([
      shardFile(2, ['b'], [diffLine('b'), line({ name: 'b' })]),
      shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' })]),
    ]);
    expect(merged.lines).toEqual([
      line({ name: 'a' }),
      diffLine('b'),
      line({ name: 'b' }),
      line({ name: 'c' }),
    ]);
    expect(merged.reports.map((report) => report.scenario.name)).toEqual(['a', 'b', 'c']);
    expect(merged.count).toBe(2);
  });

  it("keeps a failure record in its report's place", () => {
    const failure =
      '{"kind":"failure","scenario":"b","target":"vm","error":"memory","message":"out of memory"}';
    const merged = mergeShards([
      shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' })]),
      shardFile(2, ['b'], [failure]),
    ]);
    expect(merged.lines).toEqual([line({ name: 'a' }), failure, line({ name: 'c' })]);
    expect(merged.reports.map((report) => report.scenario.name)).toEqual(['a', 'c']);
  });

  it('orders targets as the plan lists them', () => {
    const options = { count: 1, scenarios: ['a'], targets: ['vm', 'js'] };
    const merged = mergeShards([
      shardFile(1, ['a'], [line({ name: 'a', target: 'js' }), line({ name: 'a', target: 'vm' })], options),
    ]);
    expect(merged.reports.map((report) => report.scenario.target)).toEqual(['vm', 'js']);
  });

  it('refuses a file without a shard line, or with two', () => {
    const plain = readResults(`${line({ name: 'a' })}\n`, 'plain.ndjson');
    expect(() => mergeShards([plain])).toThrow(
      'plain.ndjson: no shard line; merge reads the --json output of a run with --shard K/N',
    );
    const twice = shardFile(
      1,
      ['a'],
      [formatShardLine({ index: 1, count: 2, scenarios: SCENARIOS, assigned: ['a'], targets: ['vm'] })],
    );
    expect(() => mergeShards([twice])).toThrow('shard-1.ndjson: two shard lines (lines 1 and 2)');
    expect(() => mergeShards([])).toThrow('nothing to merge');
  });

  it('refuses outputs of different plans', () => {
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' })]),
        shardFile(2, ['b'], [line({ name: 'b' })], { scenarios: ['a', 'b'] }),
      ]),
    ).toThrow(
      'shard-1.ndjson (shard 1/2) and shard-2.ndjson (shard 2/2) come from different shard plans: scenario lists differ',
    );
  });

  it('refuses a shard given twice and names the missing shard with its scenarios', () => {
    const first = shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' })]);
    expect(() => mergeShards([first, first])).toThrow(
      'shard 1/2 is given twice: shard-1.ndjson and shard-1.ndjson',
    );
    expect(() => mergeShards([first])).toThrow("missing shard 2/2: no reports for 'b'");
  });

  it('refuses shards that split the scenarios differently', () => {
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'b'], [line({ name: 'a' }), line({ name: 'b' })]),
        shardFile(2, ['b', 'c'], [line({ name: 'b' }), line({ name: 'c' })]),
      ]),
    ).toThrow("scenario 'b' is in shards 1/2 and 2/2: the shards split the scenarios differently");
    expect(() =>
      mergeShards([shardFile(1, ['a'], [line({ name: 'a' })]), shardFile(2, ['b'], [line({ name: 'b' })])]),
    ).toThrow("no shard ran 'c'");
  });

  it('refuses a report outside its share, a duplicate and a missing report', () => {
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'b' })]),
        shardFile(2, ['b'], [line({ name: 'b' })]),
      ]),
    ).toThrow("shard-1.ndjson:3: scenario 'b' is not in shard 1/2");
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' }), line({ name: 'a' })]),
        shardFile(2, ['b'], [line({ name: 'b' })]),
      ]),
    ).toThrow("duplicate report for scenario 'a' [vm]: shard-1.ndjson:2 and shard-1.ndjson:4");
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'c'], [line({ name: 'a' })]),
        shardFile(2, ['b'], [line({ name: 'b' })]),
      ]),
    ).toThrow("shard-1.ndjson (shard 1/2) has no report for 'c'; did that shard stop early?");
  });

  it('refuses reports from different hosts, naming both', () => {
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' })]),
        shardFile(2, ['b'], [line({ name: 'b', os: 'macos', cpus: 8 })]),
      ]),
    ).toThrow(
      'reports from different hosts cannot be merged: shard-1.ndjson:2 ran on linux/x86_64 (2 cpus), ' +
        'shard-2.ndjson:2 on macos/x86_64 (8 cpus)',
    );
  });

  it('refuses a diff line without its report and ab lines', () => {
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' }), diffLine('c')]),
        shardFile(2, ['b'], [line({ name: 'b' })]),
      ]),
    ).toThrow("shard-1.ndjson:4: diff line for 'c' is not followed by a report of that scenario");
    const ab = '{"kind":"ab","scenario":"a","time":{"verdict":"unchanged","ratio":1,"ci":[0.9,1.1]}}';
    expect(() => mergeShards([shardFile(1, ['a', 'c'], [ab]), shardFile(2, ['b'], [])])).toThrow(
      'shard-1.ndjson:2: ab lines are not shard output and cannot be merged',
    );
  });
});

describe('mergeShards with stat-diff lines', () => {
  const stat = (name: string) =>
    `{"kind":"stat-diff","scenario":"${name}","time":{"verdict":"unchanged","ratio":1,"ci":[0.98,1.02]},` +
    `"counters":{"verdict":"unchanged"},"response":"same","target":"vm","regressed":false,"notes":[]}`;

  it('puts the stat-diff lines after every report, in scenario order', () => {
    const merged = mergeShards([
      shardFile(2, ['b'], [line({ name: 'b' }), stat('b')]),
      shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' }), stat('c'), stat('a')]),
    ]);
    expect(merged.lines).toEqual([
      line({ name: 'a' }),
      line({ name: 'b' }),
      line({ name: 'c' }),
      stat('a'),
      stat('b'),
      stat('c'),
    ]);
  });

  it('refuses a stat-diff line without a report of its scenario in the same file', () => {
    expect(() =>
      mergeShards([
        shardFile(1, ['a', 'c'], [line({ name: 'a' }), line({ name: 'c' }), stat('b')]),
        shardFile(2, ['b'], [line({ name: 'b' })]),
      ]),
    ).toThrow("shard-1.ndjson:4: stat-diff line for 'b' has no report of that scenario in the same file");
  });
});
