import { escapeControlChars } from '@aver/bench-report';
import cliProgress, { type Options, type Params } from 'cli-progress';

const { Format, SingleBar } = cliProgress;
import type { CliIo } from './cli-io.js';
import * as messages from './messages.js';

/** What a run will do, for the progress bar: its scenarios' expected costs, in run order (`null`: unknown). */
export interface ProgressPlan {
  readonly costs: readonly (number | null)[];
}

/** Progress of a run on the terminal. */
export interface Progress {
  /** Scenario `index` (0-based, of the plan), named `name`, has started. */
  readonly start: (index: number, name: string) => void;
  /** Replicate `done` of `total` of the current scenario has finished. */
  readonly replicate: (done: number, total: number) => void;
  /** Scenario `index` has finished. */
  readonly finish: (index: number) => void;
  /** Removes the bar and stops its timer. */
  readonly stop: () => void;
  /** Removes the bar from the line (before a message is printed); it is drawn again on its next tick. */
  readonly clear: () => void;
}

/** A progress that shows nothing (not a terminal, `CI`, `NO_COLOR`). */
export const NO_PROGRESS: Progress = {
  start: () => {},
  replicate: () => {},
  finish: () => {},
  stop: () => {},
  clear: () => {},
};

/**
 * A progress bar on stderr, drawn by `cli-progress`: the bar, the scenario in progress (`3/9 map_build`, with
 * `replicate 2/5` once a scenario runs several replicates), the elapsed time and an estimate of the time left.
 * Each finished replicate advances the bar by its share of the scenario. The bar advances by each finished scenario's expected cost
 * when every cost is known (from the baseline), else by one per scenario; the estimate is `cli-progress`'s,
 * from the rate so far, and shows `…` until the first scenario is done.
 * @param io Where to draw (its `stderr`).
 * @param plan The scenarios of the run.
 */
export function createProgressBar(io: CliIo, plan: ProgressPlan): Progress {
  const known = plan.costs.every((cost) => cost !== null && cost > 0);
  const weights = plan.costs.map((cost) => (known ? cost! : 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const stream = {
    isTTY: true,
    columns: io.stderrColumns ?? 80,
    write: (text: string) => {
      io.stderr(text);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  let finished = 0;
  const bar = new SingleBar({
    stream,
    format: (options: Options, params: Params, payload: { position: string; scenario: string }) => {
      const eta =
        finished === 0 ? messages.progressUnknown : Format.TimeFormat(Number(params.eta), options, 5);
      const elapsed = Format.TimeFormat(Math.round((Date.now() - params.startTime) / 1000), options, 1);
      return messages.progressLine(
        Format.BarFormat(params.progress, options),
        Math.floor(params.progress * 100),
        payload.position,
        payload.scenario,
        elapsed,
        eta,
      );
    },
    barsize: 20,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: false,
    clearOnComplete: true,
    forceRedraw: true,
    linewrap: false,
    fps: 4,
    etaBuffer: 20,
    autopadding: false,
  });
  let started = false;
  let name = '';
  let scenarioIndex = 0;
  let current = { position: '', scenario: '' };
  let credited = 0;
  return {
    start: (index, scenario) => {
      name = escapeControlChars(scenario);
      scenarioIndex = index;
      credited = 0;
      current = { position: `${index + 1}/${plan.costs.length}`, scenario: name };
      if (!started) {
        started = true;
        bar.start(total, 0, current);
      } else bar.update(current);
    },
    replicate: (done, count) => {
      if (count <= 1 || !started) return;
      finished++;
      const share = ((weights[scenarioIndex] ?? 1) * done) / count - credited;
      credited += share;
      current = { ...current, scenario: messages.progressReplicate(name, Math.min(done + 1, count), count) };
      bar.increment(share, current);
    },
    finish: (index) => {
      finished++;
      bar.increment((weights[index] ?? 1) - credited, current);
      credited = 0;
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
    clear: () => {
      if (started) io.stderr('\r\x1b[2K');
    },
  };
}
