import { readFileSync } from 'node:fs';
import { type BenchReport, parseReportJson, serializeReport } from '@aver/bench-report';
import { readResults } from '@aver/bench-results';
import { describe, expect, it } from 'vitest';
import { functionChanges } from './function-changes.js';
import { buildPageModel } from './page-model.js';
import { renderPage } from './render-page.js';

const fib = parseReportJson(
  readFileSync(new URL('../test/fixtures/run-1.ndjson', import.meta.url), 'utf8').split('\n')[0]!,
);

function withFunctions(rows: [string, number | null, number, number, number][]): BenchReport {
  const functions = rows.map(([name, line, calls, instructions, allocations]) => ({
    name,
    file: 'bench/scenarios/fib.av',
    line,
    calls,
    instructions,
    allocations,
  }));
  return { ...fib, counters: { instructions: 0, calls: 0, allocations: 0, by_opcode: null, functions } };
}

const base = withFunctions([
  ['fib', 1, 177, 1_000, 0],
  ['main', 7, 1, 5, 0],
  ['__top_level__', null, 0, 3, 0],
]);
const head = withFunctions([
  ['fib', 1, 287, 1_600, 0],
  ['main', 7, 1, 5, 0],
  ['helper', 9, 2, 40, 2],
  ['__top_level__', null, 0, 3, 0],
]);

describe('functionChanges', () => {
  it('lists the functions whose counts changed, largest instruction change first', () => {
    expect(functionChanges(base, head)).toEqual([
      { name: 'fib', where: 'fib.av:1', calls: 110, instructions: 600, allocations: 0 },
      { name: 'helper', where: 'fib.av:9', calls: 2, instructions: 40, allocations: 2 },
    ]);
    expect(functionChanges(head, base)[1]).toEqual({
      name: 'helper',
      where: 'fib.av:9',
      calls: -2,
      instructions: -40,
      allocations: -2,
    });
  });

  it('is empty when a report has no per-function counters', () => {
    expect(functionChanges(fib, head)).toEqual([]);
  });

  it('shows the top functions and the change since the previous run on the page', () => {
    const files = [base, head].map((report, index) =>
      readResults(serializeReport(report), `run-${index + 1}.ndjson`),
    );
    const model = buildPageModel(files);
    expect(model.scenarios[0]!.functionChanges).toEqual({
      since: '#1 run-1.ndjson',
      changes: functionChanges(base, head),
    });
    const html = renderPage(model, '');
    expect(html).toContain('<h3>Functions behind the change since #1 run-1.ndjson</h3>');
    expect(html).toContain(
      '<tr><td>fib</td><td>fib.av:1</td><td class="num">+110</td><td class="num">+600</td><td class="num">0</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>fib</td><td>fib.av:1</td><td class="num">287</td><td class="num">1,600</td><td class="num">0</td></tr>',
    );
    expect(html).toContain('<td>__top_level__</td><td>fib.av</td>');
  });
});
