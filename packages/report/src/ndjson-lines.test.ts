import { describe, expect, it } from 'vitest';
import { ndjsonLines } from './ndjson-lines.js';

describe('ndjsonLines', () => {
  it('yields the non-blank lines with their 1-based numbers, counting the blank ones', () => {
    expect([...ndjsonLines('\n{"a":1}\n   \n\t\n{"b":2}\n\n{"c":3}')]).toEqual([
      { line: 2, text: '{"a":1}' },
      { line: 5, text: '{"b":2}' },
      { line: 7, text: '{"c":3}' },
    ]);
  });

  it('drops the \\r of CRLF line ends and keeps any other \\r', () => {
    expect([...ndjsonLines('{"a":1}\r\n\r\n{"b":"x\ry"}\r\n')]).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":"x\ry"}' },
    ]);
  });

  it('yields nothing for an empty text or one of blank lines only', () => {
    expect([...ndjsonLines('')]).toEqual([]);
    expect([...ndjsonLines('\n \r\n\t\n')]).toEqual([]);
  });

  it('keeps a last line without a line end', () => {
    expect([...ndjsonLines('1\n2')]).toEqual([
      { line: 1, text: '1' },
      { line: 2, text: '2' },
    ]);
  });
});
