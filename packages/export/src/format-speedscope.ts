import type { FunctionCounters } from '@aver/bench-report';

/**
 * One node of a counted run's call tree (the `stacks` a target's counted run may return, e.g. the vm target's):
 * the instructions executed while exactly this stack was on top.
 */
export interface CallTreeNode {
  /** Index of the caller's node (an earlier one); `null` for a root. */
  readonly parent: number | null;
  /** Index into the run's `functions` of the function on top. */
  readonly function: number;
  readonly instructions: number;
}

/** What a profile is made from: a counted run's per-function rows and, when the target has it, its call tree. */
export interface CountedRun {
  /** The profile's name, e.g. `fib [vm]`. */
  readonly name: string;
  /** The rows `stacks` index, in the order the target returned them. */
  readonly functions: readonly FunctionCounters[];
  /** The call tree; without it each function is its own one-frame stack (a flat profile). */
  readonly stacks?: readonly CallTreeNode[] | null;
}

/** A frame of speedscope's file format. */
export interface SpeedscopeFrame {
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
}

/** A sampled profile: each sample a stack of frame indices, root first, with its weight. */
export interface SpeedscopeSampledProfile {
  readonly type: 'sampled';
  readonly name: string;
  readonly unit: 'none';
  readonly startValue: number;
  readonly endValue: number;
  readonly samples: readonly (readonly number[])[];
  readonly weights: readonly number[];
}

/** An evented profile: frames opened and closed at instruction offsets. */
export interface SpeedscopeEventedProfile {
  readonly type: 'evented';
  readonly name: string;
  readonly unit: 'none';
  readonly startValue: number;
  readonly endValue: number;
  readonly events: readonly { readonly type: 'O' | 'C'; readonly frame: number; readonly at: number }[];
}

/** A speedscope file (its documented format, `https://www.speedscope.app/file-format-schema.json`). */
export interface SpeedscopeFile {
  readonly $schema: 'https://www.speedscope.app/file-format-schema.json';
  readonly shared: { readonly frames: readonly SpeedscopeFrame[] };
  readonly profiles: readonly (SpeedscopeSampledProfile | SpeedscopeEventedProfile)[];
  readonly name: string;
  readonly activeProfileIndex: number;
  readonly exporter: string;
}

/**
 * The most frame references a sampled profile may hold (the sum of its stacks' depths). A deep non-tail
 * recursion makes a chain of thousands of stacks whose sampled form grows with the square of the depth; such a
 * run is written as an evented profile instead, whose size grows with the number of stacks.
 */
export const MAX_SAMPLED_FRAMES = 1_000_000;

/**
 * Counted runs as one speedscope file: one profile per run, unit `none` (instructions). A run with a call tree
 * becomes a sampled profile whose samples are its stacks (root first) and whose weights are the instructions
 * executed with each on top, so the weights sum to the run's instruction total and the flame graph is the call
 * tree; past `MAX_SAMPLED_FRAMES` it becomes the equivalent evented profile (each stack opened, its own
 * instructions, its callees, closed). A run without a call tree becomes a flat profile of its functions. Frames
 * are shared between profiles (one per function name, file and line). Stacks with no instructions of their own
 * are left out of the samples (they still appear as callers).
 * @param runs The counted runs, in the order the profiles should appear.
 * @param exporter The `exporter` field (`aver-bench 0.1.0`).
 * @returns The file.
 */
export function toSpeedscope(runs: readonly CountedRun[], exporter: string): SpeedscopeFile {
  const frames: SpeedscopeFrame[] = [];
  const frameIndex = new Map<string, number>();
  const frameOf = (row: FunctionCounters): number => {
    const key = `${row.name}\u0000${row.file}\u0000${row.line ?? ''}`;
    let index = frameIndex.get(key);
    if (index === undefined) {
      index = frames.length;
      frames.push({ name: row.name, file: row.file, ...(row.line === null ? {} : { line: row.line }) });
      frameIndex.set(key, index);
    }
    return index;
  };
  const profiles = runs.map((run) => {
    const frameOfFunction = run.functions.map(frameOf);
    const tree =
      run.stacks ??
      run.functions.map((row, index) => ({ parent: null, function: index, instructions: row.instructions }));
    return sampledSize(tree) <= MAX_SAMPLED_FRAMES
      ? sampled(run, tree, frameOfFunction)
      : evented(run, tree, frameOfFunction);
  });
  return {
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    shared: { frames },
    profiles,
    name: runs.length === 1 ? runs[0]!.name : 'aver-bench counted runs',
    activeProfileIndex: 0,
    exporter,
  };
}

/**
 * `toSpeedscope` as the text of a file: compact JSON and a newline.
 */
export function formatSpeedscope(runs: readonly CountedRun[], exporter: string): string {
  return `${JSON.stringify(toSpeedscope(runs, exporter))}\n`;
}

/** The sum of the depths of the stacks that have instructions of their own. */
function sampledSize(tree: readonly CallTreeNode[]): number {
  const depth: number[] = [];
  let total = 0;
  tree.forEach((node, index) => {
    depth[index] = node.parent === null ? 1 : depth[node.parent]! + 1;
    if (node.instructions > 0) total += depth[index]!;
  });
  return total;
}

function sampled(
  run: CountedRun,
  tree: readonly CallTreeNode[],
  frameOfFunction: readonly number[],
): SpeedscopeSampledProfile {
  const paths: number[][] = [];
  const samples: number[][] = [];
  const weights: number[] = [];
  tree.forEach((node, index) => {
    const path = [...(node.parent === null ? [] : paths[node.parent]!), frameOfFunction[node.function]!];
    paths[index] = path;
    if (node.instructions > 0) {
      samples.push(path);
      weights.push(node.instructions);
    }
  });
  return {
    type: 'sampled',
    name: run.name,
    unit: 'none',
    startValue: 0,
    endValue: weights.reduce((sum, weight) => sum + weight, 0),
    samples,
    weights,
  };
}

function evented(
  run: CountedRun,
  tree: readonly CallTreeNode[],
  frameOfFunction: readonly number[],
): SpeedscopeEventedProfile {
  const children: number[][] = tree.map(() => []);
  const roots: number[] = [];
  tree.forEach((node, index) => {
    (node.parent === null ? roots : children[node.parent]!).push(index);
  });
  const events: { type: 'O' | 'C'; frame: number; at: number }[] = [];
  let at = 0;
  // Depth-first without recursion: a chain of thousands of stacks must not overflow the JavaScript stack.
  const work: { node: number; open: boolean }[] = roots.reverse().map((node) => ({ node, open: true }));
  while (work.length > 0) {
    const { node, open } = work.pop()!;
    const frame = frameOfFunction[tree[node]!.function]!;
    if (!open) {
      events.push({ type: 'C', frame, at });
      continue;
    }
    events.push({ type: 'O', frame, at });
    at += tree[node]!.instructions;
    work.push({ node, open: false });
    for (const child of [...children[node]!].reverse()) work.push({ node: child, open: true });
  }
  return { type: 'evented', name: run.name, unit: 'none', startValue: 0, endValue: at, events };
}
