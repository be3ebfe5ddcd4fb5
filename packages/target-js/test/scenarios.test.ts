import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOnJs, runOnVm } from './differential.js';

// Every bench scenario program gives the same response on both targets: the same rendered value, so the same
// `response_sha256` in the reports.

const scenariosDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bench/scenarios');
const scenarios = readdirSync(scenariosDir).filter((name) => name.endsWith('.av'));
const sha256 = (text: string | null) =>
  text === null ? null : createHash('sha256').update(text).digest('hex');

describe('the bench scenarios on the js target', () => {
  it('finds the scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(5);
  });

  it.each(scenarios)('%s gives the vm response (same digest)', (name) => {
    const path = join(scenariosDir, name);
    const js = runOnJs(path);
    const vm = runOnVm(path);
    expect(js).toEqual(vm);
    expect(sha256(js.value)).toBe(sha256(vm.value));
  });
});
