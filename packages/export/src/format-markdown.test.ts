import type { Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from './format-markdown.js';
import { fixtureResults } from './test-helpers.js';

/** Parses with the GFM table extension of micromark, the reference parser of the GFM spec. */
function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

function textOf(node: RootContent | Root): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html') throw new Error(`raw HTML in the output: ${node.value}`);
  return 'children' in node ? node.children.map((child) => textOf(child as RootContent)).join('') : '';
}

/** The one table of the document: alignment and every row's cell texts (header first). */
function table(markdown: string): { align: Table['align']; rows: string[][] } {
  const tables = parse(markdown).children.filter((node): node is Table => node.type === 'table');
  expect(tables).toHaveLength(1);
  const [only] = tables;
  return { align: only!.align, rows: only!.children.map((row) => row.children.map((cell) => textOf(cell))) };
}

describe('formatMarkdown', () => {
  it('renders a run as a GFM table with counts, host and backend above it', () => {
    const markdown = formatMarkdown(fixtureResults('run.ndjson'));
    const [heading, , summary] = markdown.split('\n');
    expect(heading).toBe('## Aver Bench');
    expect(textOf(parse(summary!))).toBe(
      '2 scenarios · 1 wrong response · linux/x86_64 (2 cpus) · aver 0.1.0 (release)',
    );
    expect(table(markdown)).toEqual({
      align: ['left', 'left', 'right', 'right', 'right', 'left'],
      rows: [
        ['Scenario', 'Target', 'p50', 'p95', 'Instructions', 'Response'],
        ['fib', 'vm', '75µs', '98µs', '1,234,567', 'ok'],
        ['map_build', 'vm', '1.50ms', '2.25ms', '98,765', '❌ MISMATCH'],
      ],
    });
  });

  it('adds base, change and verdict for a comparison, and lists its notes', () => {
    const markdown = formatMarkdown(fixtureResults('compare.ndjson', 'ab.ndjson'));
    expect(table(markdown).rows).toEqual([
      [
        'Scenario',
        'Target',
        'p50',
        'p95',
        'Instructions',
        'Response',
        'Base p50',
        'Change',
        'Verdict',
        'Counters',
      ],
      ['fib', 'vm', '75µs', '98µs', '1,234,567', 'ok', '60µs', '+25.0%', '❌ regression', '—'],
      ['map_build', 'vm', '1.50ms', '2.25ms', '98,765', '❌ MISMATCH', '—', '—', '—', '—'],
      [
        'sort',
        '—',
        '2.00ms',
        '2.50ms',
        '—',
        '—',
        '2.50ms',
        '-20.0% (-25.0% to -15.0%)',
        '🚀 improvement',
        '➖ unchanged',
      ],
    ]);
    expect(markdown).toContain('3 scenarios · 1 regression · 1 improvement · 1 wrong response');
    const list = parse(markdown).children.at(-1)!;
    expect(list.type).toBe('list');
    expect(textOf(list)).toBe('fib: counters.instructions changed: baseline=1200000 current=1234567 (+2.9%)');
  });

  it('says which scenarios failed and why', () => {
    const markdown = formatMarkdown(fixtureResults('run.ndjson', 'failure.ndjson'));
    expect(markdown).toContain('3 scenarios · 1 failed · 1 wrong response');
    const { rows } = table(markdown);
    expect(rows[0]).toEqual(['Scenario', 'Target', 'p50', 'p95', 'Instructions', 'Response', 'Failure']);
    expect(rows[3]).toEqual([
      'loop',
      'vm',
      '—',
      '—',
      '—',
      '—',
      '💥 timeout: timed out after 5000 ms (timeout_ms)',
    ]);
  });

  it('keeps hostile scenario names inside their cell, as text', () => {
    const [fib] = fixtureResults('run.ndjson');
    const name = 'a|b <script>alert(1)</script> *x* [l](u) \\| `c`\nnext';
    const markdown = formatMarkdown([{ ...fib!, name }]);
    const { rows } = table(markdown);
    expect(rows[1]).toHaveLength(6);
    expect(rows[1]![0]).toBe(name.replace('\n', ' '));
  });

  it('leaves underscores inside words alone and escapes those that could start emphasis', () => {
    const [fib] = fixtureResults('run.ndjson');
    const markdown = formatMarkdown([{ ...fib!, name: 'map_build _x_' }]);
    expect(markdown).toContain('| map_build \\_x\\_ |');
    expect(table(markdown).rows[1]![0]).toBe('map_build _x_');
  });

  it('says so when there is nothing to show', () => {
    expect(formatMarkdown([])).toBe('## Aver Bench\n\nNo results.\n');
  });
});
