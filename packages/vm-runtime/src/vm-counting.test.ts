import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatWithBiome,
  generateCountingLoop,
  OUTPUT_PATH,
  SOURCE_PATH,
} from '../scripts/generate-counting-loop.mjs';

describe('the counting loop (vm-counting.ts)', () => {
  it('is what scripts/generate-counting-loop.mjs makes of the loop in vm.ts today', () => {
    const generated = formatWithBiome(generateCountingLoop(readFileSync(SOURCE_PATH, 'utf8')));
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(generated);
  });

  it('turns every @count marker into code and leaves none in the default loop', () => {
    const source = readFileSync(SOURCE_PATH, 'utf8');
    const counting = readFileSync(OUTPUT_PATH, 'utf8');
    const markers = [...source.matchAll(/\/\/ @count: (.*)$/gm)].map((match) => match[1].trim());
    expect(markers.length).toBeGreaterThan(10);
    for (const marker of markers) expect(counting).toContain(marker);
    expect(counting).not.toContain('@count');
  });
});
