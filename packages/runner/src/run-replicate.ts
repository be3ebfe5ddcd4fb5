import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '@aver/bench-manifest';
import type { IsolateRequest } from './isolate-protocol.js';
import type { ProtocolPlan, ReplicateMeasurement } from './measure-replicate.js';
import { measureReplicate } from './measure-replicate.js';
import * as messages from './messages.js';
import { readEntrySource } from './read-entry-source.js';
import { RunError } from './run-error.js';
import { runInProcess } from './run-in-process.js';
import type { IsolateLimits, IsolateResult } from './run-in-worker.js';
import { runInWorker } from './run-in-worker.js';
import type { TrendResult } from './steady-state.js';
import { testTrend } from './steady-state.js';
import type { ScenarioIsolation, TargetJob, TargetRunner } from './target.js';
import { resolveTarget } from './target-registry.js';
import type { WarmupPlan } from './warm-up.js';

/** How to run one replicate. */
export interface ReplicateOptions {
  /**
   * `'worker'`: a fresh V8 isolate; `'process'`: a fresh Node process; `'inline'`: the caller's thread. A clock
   * cannot cross into an isolate, so injecting one implies `'inline'`.
   * @default 'worker', or 'inline' when `clock` is given
   */
  readonly isolation?: ScenarioIsolation;
  /** Monotonic clock in nanoseconds, for inline runs (tests). @default process.hrtime.bigint */
  readonly clock?: () => bigint;
  /** Untimed runs before the timed ones, a count or `'auto'`. @default the manifest's `warmup` */
  readonly warmup?: WarmupPlan;
  /** Timed iterations. @default the manifest's `iterations` */
  readonly iterations?: number;
  /** Whether to make the untimed counted run. @default true */
  readonly count?: boolean;
  /**
   * Time limit of this replicate in ms, from the moment its isolate starts; when it passes, the isolate is ended
   * and the replicate fails with a `timeout` `RunError`. Not enforced inline (nothing can stop a running
   * program on the caller's own thread). @default the manifest's `timeoutMs` (then a bound on each replicate)
   */
  readonly timeoutMs?: number;
  /**
   * Heap limit of the isolate in MiB (a `memory` `RunError` when reached). @default the manifest's
   * `memoryLimitMb`, else the target's, else Node's
   */
  readonly memoryLimitMb?: number;
}

/** One replicate: a fresh isolate's measurement, with the figures the runner derives from it. */
export interface Replicate extends ReplicateMeasurement {
  /** The target's name. */
  readonly target: string;
  /** UTF-8 length of `responseText`, `null` for Unit (`response_bytes`). */
  readonly responseBytes: number | null;
  /** Lowercase hex SHA-256 of `responseText`'s UTF-8 bytes, `null` for Unit (`response_sha256`). */
  readonly responseSha256: string | null;
  /** The steady-state test of `samplesMs`, or `null` when there are too few samples (or all are equal). */
  readonly steadyState: TrendResult | null;
}

/** Code caches of `.cjs` target modules, by URL, taken from the first isolate that loaded each. */
const codeCaches = new Map<string, Uint8Array>();
/** The text of `.cjs` target modules, by URL, read once for every isolate (`null`: unreadable; the isolate says why). */
const moduleSources = new Map<string, string | null>();

function moduleSource(url: string): string | null {
  if (!url.endsWith('.cjs')) return null;
  let source = moduleSources.get(url);
  if (source === undefined) {
    try {
      source = readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      source = null;
    }
    moduleSources.set(url, source);
  }
  return source;
}

/**
 * Runs one replicate of a scenario on a target: reads the entry (on this thread, so a missing file fails before
 * any isolate starts), then runs the measurement protocol (prepare, warm-up, timed iterations with the
 * response checked on each, counted run) in a fresh isolate, or inline. The building block of `runScenario`,
 * and of A/B runs that interleave replicates of two scenarios.
 * @param manifest The validated manifest.
 * @param target A registered target name or a `TargetRunner`.
 * @param options Isolation, clock, overrides of the manifest's counts, and limits.
 * @returns The replicate.
 * @throws {TargetError} When `target` is a name that is not registered.
 * @throws {TypeError} When `clock` is given with an isolation other than `'inline'`.
 * @throws {RunError} When the program cannot be read, prepared or run, the target misbehaves, the response
 *   changes between iterations, or a limit is reached.
 */
export async function runReplicate(
  manifest: Manifest,
  target: string | TargetRunner,
  options: ReplicateOptions = {},
): Promise<Replicate> {
  const isolation = options.isolation ?? (options.clock === undefined ? 'worker' : 'inline');
  if (isolation !== 'inline' && options.clock !== undefined) throw new TypeError(messages.clockNeedsInline());
  const runner = typeof target === 'string' ? resolveTarget(target) : target;
  const plan: ProtocolPlan = {
    iterations: options.iterations ?? manifest.iterations,
    warmup: options.warmup ?? manifest.warmup,
    count: options.count ?? true,
  };
  if (!Number.isSafeInteger(plan.iterations) || plan.iterations < 1) {
    throw new RunError('setup', messages.noIterations(manifest.name));
  }
  const job = createTargetJob(manifest);
  const measurement =
    isolation === 'inline'
      ? await measureReplicate(runner, job, plan, options.clock ?? process.hrtime.bigint)
      : await inIsolate(isolation, runner, job, plan, options, manifest);
  return withDerivedFigures(runner.name, measurement);
}

/**
 * The job a target prepares: the manifest's fields a target needs, plus the entry's source.
 * @param manifest The scenario.
 * @returns Plain data.
 * @throws {RunError} `read` when the entry cannot be read (Rust's `read_to_string` errors).
 */
export function createTargetJob(manifest: Manifest): TargetJob {
  const { name, entry, moduleRoot, args, effects } = manifest;
  const sandbox = {
    allow: [...effects.allow],
    diskRoot: effects.diskRoot,
    origin: sandboxOrigin(manifest.path),
  };
  return { scenario: name, entry, source: readEntrySource(entry), moduleRoot, args: [...args], sandbox };
}

/** Where a denial tells the user to allow an effect: the manifest, or for an ad-hoc `.av` run, a manifest to write. */
function sandboxOrigin(path: string): string {
  return /\.av$/i.test(path) ? messages.adHocSandboxOrigin(path) : path;
}

async function inIsolate(
  isolation: 'worker' | 'process',
  runner: TargetRunner,
  job: TargetJob,
  plan: ProtocolPlan,
  options: ReplicateOptions,
  manifest: Manifest,
): Promise<ReplicateMeasurement> {
  const cached = codeCaches.get(runner.moduleUrl) ?? null;
  const request: IsolateRequest = {
    moduleUrl: runner.moduleUrl,
    targetName: runner.name,
    job,
    plan,
    moduleSource: moduleSource(runner.moduleUrl),
    codeCache: cached,
    wantCodeCache: cached === null && runner.moduleUrl.endsWith('.cjs'),
  };
  const timeoutMs = options.timeoutMs ?? manifest.timeoutMs ?? undefined;
  const heapMb = options.memoryLimitMb ?? manifest.memoryLimitMb ?? runner.isolate?.maxOldGenerationSizeMb;
  const limits: IsolateLimits = {
    ...(runner.isolate?.stackSizeMb === undefined ? {} : { stackSizeMb: runner.isolate.stackSizeMb }),
    ...(heapMb === undefined ? {} : { maxOldGenerationSizeMb: heapMb }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
  const result: IsolateResult =
    isolation === 'worker' ? await runInWorker(request, limits) : await runInProcess(request, limits);
  if (result.codeCache !== null) codeCaches.set(runner.moduleUrl, result.codeCache);
  return result.measurement;
}

function withDerivedFigures(target: string, measurement: ReplicateMeasurement): Replicate {
  const text = measurement.responseText;
  return {
    ...measurement,
    target,
    responseBytes: text === null ? null : Buffer.byteLength(text, 'utf8'),
    responseSha256: text === null ? null : createHash('sha256').update(text, 'utf8').digest('hex'),
    steadyState: testTrend(measurement.samplesMs),
  };
}
