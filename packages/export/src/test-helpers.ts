import { readFileSync } from 'node:fs';
import { collectScenarios, readResults, type ScenarioResult } from '@aver/bench-results';

/** The scenarios of fixture files under `test/fixtures/`, read as `aver-bench report` reads them. */
export function fixtureResults(...names: string[]): ScenarioResult[] {
  return collectScenarios(
    names.map((name) =>
      readResults(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'), name),
    ),
  );
}
