import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkedString, engineLimitError, MAX_STRING_LENGTH } from './engine-limits.js';

const builtModule = fileURLToPath(new URL('../dist/engine-limits.js', import.meta.url));

/** MAX_STRING_LENGTH as a fresh process with an old generation of `heapMb` MiB computes it. */
function limitWithHeap(heapMb: number): number {
  const { NODE_OPTIONS: _, ...env } = process.env;
  const script = `import { MAX_STRING_LENGTH } from ${JSON.stringify(pathToFileURL(builtModule).href)};\nconsole.log(MAX_STRING_LENGTH);`;
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--input-type=module', '-e', script],
    { encoding: 'utf8', env },
  );
  return Number(result.stdout);
}

describe('the String limit', () => {
  it("is V8's longest string under the tests' 8 GiB heap (vitest.config.ts)", () => {
    expect(MAX_STRING_LENGTH).toBe(536_870_888);
  });

  it.skipIf(!existsSync(builtModule))(
    'is the largest power of two within an eighth of a smaller heap',
    () => {
      expect([64, 512, 1024].map(limitWithHeap)).toEqual([2 ** 23, 2 ** 26, 2 ** 27]);
    },
  );

  it('passes shorter text through and refuses longer text as a limit error in our words', () => {
    expect(checkedString('abc')).toBe('abc');
    const long = { length: MAX_STRING_LENGTH + 1 } as unknown as string;
    expect(() => checkedString(long)).toThrow(
      expect.objectContaining({
        name: 'AverRuntimeError',
        message: 'string too long: the result would exceed 536870888 characters',
        kind: 'limit',
      }),
    );
  });

  it("turns V8's RangeErrors into limit errors in our words, keeping the line", () => {
    const cases: [string, string][] = [
      ['Invalid string length', 'string too long: the result would exceed 536870888 characters'],
      ['Maximum call stack size exceeded', 'value nested too deeply: the native stack ran out'],
      [
        'Invalid array length',
        'collection too large: the result would exceed the longest array of the JavaScript engine',
      ],
    ];
    for (const [engineText, ours] of cases) {
      const error = engineLimitError(new RangeError(engineText), 7);
      expect([error.message, error.kind, error.line]).toEqual([ours, 'limit', 7]);
    }
  });
});
