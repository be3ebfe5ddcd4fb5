// The supervisor: draws the inputs in order from the run's seed, feeds the in-process lane (a worker process it can
// end and restart) and the command lane (child processes) side by side, and hands every result to the recorder.
// The worker is watched: no result for `hangMs` means the input in progress hangs; a worker that dies (heap limit,
// an error outside the drivers) crashed on it. Either way the worker is replaced and the other inputs go on.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCommand } from './drivers/command.mjs';
import { makeInput } from './inputs.mjs';
import { Random } from './random.mjs';
import { classifyProcess } from './verdict.mjs';

/** Inputs per message to the worker, and messages in flight (so the worker never waits for the next batch). */
const BATCH = 20;
const BATCHES_IN_FLIGHT = 2;
/** Heap of the in-process worker process: a mutant that allocates without bound ends it, not the fuzzer. */
const WORKER_HEAP_MB = 512;

/**
 * Which inputs go through a command: `fraction` of them, spread evenly (input i does when ⌊(i+1)f⌋ > ⌊if⌋), so a
 * budget of N gives exactly ⌊Nf⌋ command inputs.
 */
export function viaCommand(index, fraction) {
  return Math.floor((index + 1) * fraction) > Math.floor(index * fraction);
}

/** Runs in-process inputs in a worker process, replacing it after a hang or a death. */
class InProcessLane {
  constructor({ id, scratchDir, entryFiles, hangMs, onResult }) {
    this.id = id;
    this.scratchDir = scratchDir;
    this.entryFiles = entryFiles;
    this.hangMs = hangMs;
    this.onResult = onResult;
    /** Inputs sent to the worker and not answered yet, in the order sent. */
    this.outstanding = [];
    this.pending = [];
    this.waiters = [];
    this.lastProgress = performance.now();
    this.start();
    this.watchdog = setInterval(() => this.checkHang(), Math.min(500, hangMs / 4));
  }

  start() {
    // A child process, not a worker thread: V8 can abort a whole process on some allocation failures even inside a
    // worker with resourceLimits (a huge String flattened), and that must end the input, not the fuzzer.
    const worker = fork(fileURLToPath(new URL('./worker.mjs', import.meta.url)), [], {
      execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
      env: {
        ...process.env,
        AVER_FUZZ_WORKER: JSON.stringify({
          id: this.id,
          scratchDir: this.scratchDir,
          entryFiles: this.entryFiles,
        }),
      },
      // A mutant's stray output must not reach the terminal; stderr is kept to explain a death.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    worker.on('message', (result) => this.received(worker, result));
    worker.on('error', (error) =>
      this.died(worker, `worker died: ${error.code ?? error.name}: ${error.message}`),
    );
    worker.on('exit', (code, signal) => {
      const fatal = /FATAL ERROR[^\n]*/.exec(stderr)?.[0];
      this.died(
        worker,
        `worker exited with ${signal ?? `code ${code}`}${fatal === undefined ? '' : `: ${fatal}`}`,
      );
    });
    this.worker = worker;
    this.lastProgress = performance.now();
  }

  /** Queues an input; resolves once the lane has room for more. */
  submit(input) {
    this.pending.push(input);
    this.flush();
    if (this.pending.length < BATCH * BATCHES_IN_FLIGHT) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  flush() {
    while (this.outstanding.length < BATCH * BATCHES_IN_FLIGHT && this.pending.length > 0) {
      const batch = this.pending.splice(0, BATCH);
      this.outstanding.push(...batch);
      this.worker.send(batch);
    }
    if (this.pending.length < BATCH * BATCHES_IN_FLIGHT)
      for (const resolve of this.waiters.splice(0)) resolve();
    if (this.outstanding.length === 0 && this.pending.length === 0) this.drained?.();
  }

  received(worker, result) {
    if (worker !== this.worker) return;
    const input = this.outstanding.shift();
    if (input === undefined || input.index !== result.index) {
      throw new Error(`fuzz supervisor: result for input ${result.index}, expected ${input?.index}`);
    }
    this.lastProgress = performance.now();
    this.onResult(input, result);
    this.flush();
  }

  /** Records the input in progress as a finding, then restarts the worker with the inputs after it. */
  replace(verdict, reason) {
    const [culprit, ...rest] = this.outstanding;
    const worker = this.worker;
    this.worker = null;
    worker?.removeAllListeners();
    worker?.on('error', () => {});
    worker?.kill('SIGKILL');
    if (culprit !== undefined) {
      const durationMs = performance.now() - this.lastProgress;
      this.onResult(culprit, {
        index: culprit.index,
        stage: 'unknown',
        verdict,
        reason,
        detail: null,
        durationMs,
      });
    }
    this.outstanding = [];
    this.pending.unshift(...rest);
    this.start();
    this.flush();
  }

  checkHang() {
    if (this.outstanding.length === 0) return;
    if (performance.now() - this.lastProgress > this.hangMs) {
      this.replace('hang', `no result after ${this.hangMs} ms (worker ended)`);
    }
  }

  died(worker, reason) {
    if (worker !== this.worker) return;
    this.replace('crash', reason);
  }

  /** Resolves when every queued input has a result. */
  drain() {
    if (this.outstanding.length === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.drained = resolve;
    });
  }

  async close() {
    clearInterval(this.watchdog);
    const worker = this.worker;
    this.worker = null;
    worker?.removeAllListeners();
    worker?.kill('SIGKILL');
  }
}

/** Runs command inputs as child processes, `concurrency` at a time. */
class CommandLane {
  constructor({ scratchDir, hangMs, concurrency, onResult }) {
    this.scratchDir = scratchDir;
    this.hangMs = hangMs;
    this.concurrency = concurrency;
    this.onResult = onResult;
    this.queue = [];
    this.running = 0;
    this.waiters = [];
    this.idle = [];
  }

  submit(input) {
    this.queue.push(input);
    this.pump();
    if (this.queue.length < 4 * this.concurrency) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  pump() {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const input = this.queue.shift();
      this.running++;
      void this.run(input).finally(() => {
        this.running--;
        this.pump();
        if (this.running === 0 && this.queue.length === 0)
          for (const resolve of this.idle.splice(0)) resolve();
      });
    }
    if (this.queue.length < 4 * this.concurrency) for (const resolve of this.waiters.splice(0)) resolve();
  }

  async run(input) {
    const folder = mkdtempSync(path.join(this.scratchDir, `cmd-${input.index}-`));
    try {
      const run = await runCommand(input, folder, this.hangMs);
      const classification = classifyProcess(run, input.files.map((file) => file.text).join('\n'));
      const detail = classification.verdict === 'ok' ? null : run;
      this.onResult(input, {
        index: input.index,
        stage: 'command',
        ...classification,
        detail,
        durationMs: run.durationMs,
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  drain() {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}

/**
 * Runs the inputs `[0, budget)` of `seed` (or only `only`), `commandFraction` of them through the commands.
 * @param {{ seed: number, budget: number, only: number | null, commandFraction: number, workers: number, hangMs: number,
 *   commandHangMs: number, commandConcurrency: number, seeds: import('./seeds.mjs').Seeds,
 *   onResult: (input: object, result: object) => void, shouldStop: () => boolean }} options `shouldStop` is
 *   asked before each input is drawn: true ends the run early (time budget, Ctrl-C).
 * @returns {Promise<{ drawn: number }>} How many inputs were drawn (each has a result).
 */
export async function supervise(options) {
  const scratchDir = mkdtempSync(path.join(options.tmpDir, 'aver-fuzz-'));
  mkdirSync(scratchDir, { recursive: true });
  const entryFiles = options.seeds.manifests
    .filter((manifest) => manifest.entryName !== null && manifest.entryText !== null)
    .map((manifest) => ({ name: manifest.entryName, text: manifest.entryText }));
  const workers = Array.from(
    { length: options.workers },
    (_, id) =>
      new InProcessLane({ id, scratchDir, entryFiles, hangMs: options.hangMs, onResult: options.onResult }),
  );
  const commands = new CommandLane({
    scratchDir,
    hangMs: options.commandHangMs,
    concurrency: options.commandConcurrency,
    onResult: options.onResult,
  });
  try {
    const master = new Random(options.seed);
    const last = options.only ?? options.budget - 1;
    let inProcessCount = 0;
    for (let index = 0; index <= last; index++) {
      if (options.shouldStop()) return { drawn: index };
      const inputSeed = master.seed();
      if (options.only !== null && index !== options.only) continue;
      const command = viaCommand(index, options.commandFraction);
      const input = makeInput(index, inputSeed, command, options.seeds);
      await (command ? commands.submit(input) : workers[inProcessCount++ % workers.length].submit(input));
    }
    return { drawn: last + 1 };
  } finally {
    // Every input drawn gets its result, also when the run stops early.
    await Promise.all([...workers.map((lane) => lane.drain()), commands.drain()]);
    await Promise.all(workers.map((lane) => lane.close()));
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
