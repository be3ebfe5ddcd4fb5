import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOnJs, runOnVm } from './differential.js';

// Every bench scenario program gives the same response on both targets: the same rendered value (so the same
// `response_sha256` in the reports), the same output and the same error.

const scenariosDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bench/scenarios');
const scenarios = readdirSync(scenariosDir).filter((name) => name.endsWith('.av'));

describe('the bench scenarios on the js target', () => {
  it('finds the scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(5);
  });

  it.each(scenarios)('%s gives the vm response', (name) => {
    const path = join(scenariosDir, name);
    const js = runOnJs(path);
    const vm = runOnVm(path);
    expect(js).toEqual(vm);
  });
});
