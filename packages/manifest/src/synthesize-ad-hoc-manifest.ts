import { NO_EFFECTS } from './effects-schema.js';
import type { Manifest } from './manifest.js';
import {
  AD_HOC_ITERATIONS,
  AD_HOC_WARMUP,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOLERANCE,
  NO_EXPECTATIONS,
} from './manifest.js';
import { ManifestError } from './manifest-error.js';
import * as messages from './messages.js';
import { fileStem, parentDirVerbatim } from './path-utils.js';

/** Counts for an ad-hoc run; absent ones take the ad-hoc defaults (30 and 3). */
export interface AdHocOptions {
  readonly iterations?: number;
  /** A count, or `'auto'` (warm up until the run time is stable). */
  readonly warmup?: number | 'auto';
  /** Time limit of the run in ms. @default DEFAULT_TIMEOUT_MS */
  readonly timeoutMs?: number;
}

/**
 * The manifest of an ad-hoc `.av` run (bench spec: "Ad-hoc `.av` manifests"): name = file stem, entry = the path
 * exactly as given, no args, no expectations, default tolerance. Unlike the reference, a zero or invalid count is an
 * error, not a later panic. The entry's existence is not checked here; the runner reports a missing file as a `read`
 * error.
 * @param avPath The `.av` path as the user gave it.
 * @param options `iterations` (default 30), `warmup` (default 3) and `timeoutMs` (default 300,000).
 * @returns The manifest.
 * @throws {ManifestError} `validate` when `iterations` is 0 or a count is not a non-negative integer.
 */
export function synthesizeAdHocManifest(avPath: string, options: AdHocOptions = {}): Manifest {
  const iterations = options.iterations ?? AD_HOC_ITERATIONS;
  const warmup = options.warmup ?? AD_HOC_WARMUP;
  const fail = (message: string, key: string): never => {
    throw new ManifestError('validate', avPath, [
      { message: `${avPath}: ${message}`, key, line: null, column: null },
    ]);
  };
  if (!isCount(iterations)) fail(messages.adHocCount('iterations', iterations), 'iterations');
  if (iterations === 0) fail(messages.iterationsMustBePositive(), 'iterations');
  if (warmup !== 'auto' && !isCount(warmup)) fail(messages.adHocCount('warmup', warmup), 'warmup');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!isCount(timeoutMs) || timeoutMs === 0)
    fail(messages.mustBePositive('timeout_ms', String(timeoutMs)), 'timeout_ms');
  return {
    path: avPath,
    name: fileStem(avPath, 'scenario'),
    entry: avPath,
    moduleRoot: parentDirVerbatim(avPath) || '.',
    iterations,
    warmup,
    args: [],
    expected: NO_EXPECTATIONS,
    tolerance: DEFAULT_TOLERANCE,
    effects: NO_EFFECTS,
    timeoutMs,
    memoryLimitMb: null,
    warnings: [],
  };
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
