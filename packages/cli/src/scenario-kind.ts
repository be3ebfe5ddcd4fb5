import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * How SCENARIO is run (bench spec: "CLI: top-level flow"): a folder of manifests, an ad-hoc `.av` program, or one
 * manifest.
 */
export type ScenarioKind = 'directory' | 'ad-hoc' | 'manifest';

/**
 * A folder (symlinks followed) is directory mode; an `.av` extension, in any case, is an ad-hoc run; anything
 * else, whatever its extension, is read as a manifest.
 * @param scenario The SCENARIO argument.
 * @returns Its kind.
 */
export function scenarioKind(scenario: string): ScenarioKind {
  try {
    if (statSync(scenario).isDirectory()) return 'directory';
  } catch {
    // A path that does not exist is not a folder; loading it reports the problem.
  }
  return path.extname(scenario).toLowerCase() === '.av' ? 'ad-hoc' : 'manifest';
}
