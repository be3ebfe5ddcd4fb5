import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describeIoError } from '@aver/host-io';
import { loadManifest, synthesizeAdHocManifest } from '@aver/bench-manifest';
import { createTargetJob, isRunError } from '@aver/bench-runner';
import { CliError } from './cli-errors.js';
import type { Terminal } from './cli-io.js';
import { loadTargets } from './load-targets.js';
import * as messages from './messages.js';
import type { CliOptions } from './parse-cli-args.js';
import { listManifests } from './run-directory.js';
import type { ScenarioKind } from './scenario-kind.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * `--emit-js DIR`: compiles every scenario of the run (the manifest, the ad-hoc program, or every manifest of the
 * folder) with the `js` target's package (`@aver/bench-target-js`, found like `--target js`) and writes each
 * generated module to `DIR/<scenario>.mjs`, atomically, creating DIR. Runs before the scenarios do; a program that
 * does not compile stops the run with its error.
 * @throws {CliError} When the package cannot emit, a scenario does not compile, or a file cannot be written.
 */
export async function emitJsModules(
  options: CliOptions,
  kind: ScenarioKind,
  cwd: string,
  terminal: Terminal,
): Promise<void> {
  const dir = options.emitJs!;
  const [js] = await loadTargets(['js'], cwd);
  if (js?.emitProgram === undefined) throw new CliError(messages.emitJsUnsupported());
  const manifests =
    kind === 'directory'
      ? listManifests(options.scenario).map((file) => loadManifest(file))
      : kind === 'ad-hoc'
        ? [synthesizeAdHocManifest(options.scenario, {})]
        : [loadManifest(options.scenario)];
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CliError(messages.emitJsWrite(dir, describeIoError(error)));
  }
  for (const manifest of manifests) {
    let emitted: { fileName: string; text: string };
    try {
      emitted = await js.emitProgram(createTargetJob(manifest));
    } catch (error) {
      if (isRunError(error)) throw new CliError(messages.emitJsFailed(manifest.name, error.message));
      throw error;
    }
    const file = path.join(dir, emitted.fileName);
    try {
      writeFileAtomic(file, emitted.text);
    } catch (error) {
      throw new CliError(messages.emitJsWrite(file, describeIoError(error)));
    }
  }
  terminal.notice(messages.emittedJs(dir, manifests.length));
}
