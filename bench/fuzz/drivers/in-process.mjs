// In-process drivers: a mutant goes through the public APIs as the commands use them. A program is compiled (lex,
// parse, load, check, the pipeline, bytecode), its diagnostics rendered as `aver check` prints them, then run
// sandboxed with a small step budget and deadline (as a benchmark runs), and its verify blocks run when it touches
// nothing outside itself. A manifest is loaded and validated from a file. The driver reports what escaped the API
// (anything but the API's own failure) and every message it produced; verdict.mjs judges them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadManifest, ManifestError } from '../../../packages/manifest/dist/index.js';
import {
  AverRuntimeError,
  compileSource,
  displayValue,
  formatVerifyReport,
  mainErrorMessage,
  renderDiagnostic,
  runProgram,
  Sandbox,
  verifyProgram,
} from '../../../packages/vm-runtime/dist/index.js';
import { touchesWorld } from './world.mjs';

/** Limits of one in-process run: small, so a mutant that loops costs milliseconds, not the budget. */
export const RUN_LIMITS = { stepBudget: 20_000, timeoutMs: 50, maxFrames: 2_000 };
/** Time limit of each verify case: a mutant's runaway cases (often several) cost this much each. */
export const VERIFY_CASE_TIMEOUT_MS = 20;

/** Bench mode's default policy: every effect that touches the world is denied. */
const DENY_ALL = { allow: [], diskRoot: null, origin: 'the fuzzer' };

/**
 * @typedef {{ thrown: { name: string, message: string, stack: string } | null, messages: string[], stage: string }}
 *   Outcome `stage` is how far the input got (for the summary's per-stage counts).
 */

function thrownOf(error) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack ?? '' };
  return { name: typeof error, message: String(error), stack: '' };
}

/**
 * @param {{ text: string, path: string }} input The mutant, compiled as if it were the seed's file (its folder is
 *   the module root).
 * @returns {Outcome}
 */
export function driveProgram(input) {
  const messages = [];
  let stage = 'compile';
  try {
    // compileSource lexes, parses (and loads dependencies), checks, runs the pipeline and emits bytecode.
    const compiled = compileSource(input.text, input.path);
    if (!compiled.ok) {
      messages.push(compiled.message);
      for (const diagnostic of compiled.diagnostics) messages.push(renderDiagnostic(diagnostic, input.text));
      return { thrown: null, messages, stage };
    }
    const program = compiled.program;
    for (const warning of program.warnings) messages.push(renderDiagnostic(warning, input.text));
    stage = 'run';
    const sandbox = new Sandbox(DENY_ALL);
    const denied = sandbox.deniedDeclarations(program.mainEffects);
    messages.push(...denied);
    if (denied.length === 0) {
      try {
        const result = runProgram(program, { ...RUN_LIMITS, console: 'silent', stdin: () => null, sandbox });
        displayValue(result.value);
        const failed = mainErrorMessage(result.value);
        if (failed !== null) messages.push(failed);
      } catch (error) {
        if (!(error instanceof AverRuntimeError)) throw error;
        messages.push(error.format());
      }
    }
    // Verify runs the effects it does not stub for real, so only a mutant that names none of them is verified (and
    // only one with a verify block: without, verifyProgram would only repeat the run's top level).
    if (/\bverify\b/.test(input.text) && !touchesWorld(input.text)) {
      stage = 'verify';
      messages.push(
        ...formatVerifyReport(input.path, verifyProgram(program, { timeoutMs: VERIFY_CASE_TIMEOUT_MS }), {
          colour: false,
          maxFailures: 3,
        }),
      );
    }
    return { thrown: null, messages, stage };
  } catch (error) {
    return { thrown: thrownOf(error), messages, stage };
  }
}

/**
 * Writes what every manifest mutant may refer to, once: each seed manifest's entry program and a `data` folder
 * (a `disk_root`). Only `scenario.toml` changes between inputs, so an outcome never depends on earlier inputs.
 * @param {string} folder An empty scratch folder.
 * @param {readonly { name: string, text: string }[]} entryFiles
 */
export function prepareManifestFolder(folder, entryFiles) {
  mkdirSync(path.join(folder, 'data'), { recursive: true });
  writeFileSync(path.join(folder, 'data', 'input.txt'), 'fuzz');
  for (const file of entryFiles) writeFileSync(path.join(folder, path.basename(file.name)), file.text);
}

/**
 * @param {{ text: string }} input The mutant manifest.
 * @param {string} folder A folder made by `prepareManifestFolder`: the manifest is written there.
 * @returns {Outcome}
 */
export function driveManifest(input, folder) {
  const messages = [];
  const manifestPath = path.join(folder, 'scenario.toml');
  writeFileSync(manifestPath, input.text);
  try {
    const manifest = loadManifest(manifestPath);
    messages.push(...manifest.warnings);
    // The policy a bench run builds from the manifest: an unknown effect is the API's own error.
    try {
      new Sandbox({ ...manifest.effects, origin: manifestPath });
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'EffectPolicyError') throw error;
      messages.push(error.message);
    }
    return { thrown: null, messages, stage: 'manifest' };
  } catch (error) {
    if (error instanceof ManifestError) {
      messages.push(error.message);
      return { thrown: null, messages, stage: 'manifest' };
    }
    return { thrown: thrownOf(error), messages, stage: 'manifest' };
  }
}
