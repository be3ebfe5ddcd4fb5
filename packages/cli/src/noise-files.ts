import { readFileSync, statSync } from 'node:fs';
import type { NoiseFile, ScenarioNoise } from '@aver/bench-diff';
import { NoiseFileError, parseNoiseFile } from '@aver/bench-diff';
import { describeIoError } from '@aver/host-io';
import { joinPathVerbatim } from '@aver/bench-manifest';
import type { HostInfo } from '@aver/bench-report';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';

/**
 * Where the calibrated noise of this host and target lives: beside the host baseline in a baseline folder,
 * `{dir}/{os}-{arch}-{target}.noise.json`.
 */
export function noiseFilePath(dir: string, target: string, host: HostInfo): string {
  return joinPathVerbatim(dir, `${host.os}-${host.arch}-${target}.noise.json`);
}

/** The noise file beside a baseline file: `X.json` → `X.noise.json` (`--compare X.json`). */
export function noiseFileBeside(baselinePath: string): string {
  return baselinePath.endsWith('.json')
    ? `${baselinePath.slice(0, -5)}.noise.json`
    : `${baselinePath}.noise.json`;
}

/**
 * Reads a noise file when there is one.
 * @returns The file, or `null` when no file is at `path`.
 * @throws {CliError} When it exists but cannot be read, or is not a valid noise file (naming the key).
 */
export function readNoiseFile(path: string): NoiseFile | null {
  let exists = false;
  try {
    exists = statSync(path).isFile();
  } catch {
    exists = false;
  }
  if (!exists) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(messages.noiseCannotRead(path, describeIoError(error)));
  }
  try {
    return parseNoiseFile(text);
  } catch (error) {
    if (error instanceof NoiseFileError) throw new CliError(messages.noiseCannotParse(path, error.message));
    throw error;
  }
}

/** One scenario's noise, or `null` when it was not calibrated. */
export function noiseOf(file: NoiseFile | null, scenario: string): ScenarioNoise | null {
  return file !== null && Object.hasOwn(file.scenarios, scenario) ? file.scenarios[scenario]! : null;
}
