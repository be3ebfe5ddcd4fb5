import { OPCODE_LIMIT, opcodeInfo } from './chunk.js';

/** Where a function was declared: its file (as the program loaded it) and line; `null` for `__top_level__`. */
export interface ChunkSource {
  readonly file: string;
  readonly line: number | null;
}

/** The counters of one Aver function in a counting run (definitions in the README). */
export interface FunctionCounters {
  /** The chunk name: `fib`, `Data.Fibonacci.fib`, `fib__buffered`, `__top_level__`. */
  readonly name: string;
  readonly file: string;
  /** The line of its `fn` declaration (`null` for `__top_level__`). */
  readonly line: number | null;
  /** Activations of the function (the same events as `RunCounters.calls`). */
  readonly calls: number;
  /** Instructions executed in its own frames (not in the functions it calls). */
  readonly instructions: number;
  /** Allocations made by its own instructions. */
  readonly allocations: number;
}

/**
 * One distinct call stack of function frames: its top function, the stack below it (its caller's stack) and the
 * instructions executed while it was on top. The stacks form a tree (a call tree); a flame graph's stack for an
 * entry is the chain of `function`s from the root down to it.
 */
export interface StackCounters {
  /** Index into `RunCounters.stacks` of the caller's stack; `null` for a root (`main`, `__top_level__`). */
  readonly parent: number | null;
  /** Index into `RunCounters.byFunction` of the function on top. */
  readonly function: number;
  /** Instructions executed with exactly this stack on top (not counting the stacks above it). */
  readonly instructions: number;
}

/** Exact counts of a counting run (definitions in the README). */
export interface RunCounters {
  readonly instructions: number;
  readonly calls: number;
  readonly allocations: number;
  /** Executed instructions per opcode name, executed opcodes only. */
  readonly byOpcode: Readonly<Record<string, number>>;
  /** One row per function that ran (or was called), in chunk order. */
  readonly byFunction: readonly FunctionCounters[];
  /**
   * The instruction profile by call stack, as a call tree: every distinct stack, in the order it first appeared
   * (so a parent comes before its children).
   */
  readonly stacks: readonly StackCounters[];
  /**
   * True when the run opened more than `MAX_STACKS` distinct stacks: the deeper ones were merged into their
   * deepest recorded ancestor (per-function and total counts stay exact).
   */
  readonly stacksTruncated: boolean;
}

/** Distinct call stacks a counting run records before it merges new ones into their parent. */
export const MAX_STACKS = 10_000;

/**
 * The counters of one counting run, written by the counting loop (`vm-counting.ts`): per opcode, per function
 * (indexed by chunk) and per call stack. Call stacks form a tree of nodes (a node is a function called from its
 * parent node's stack); the loop keeps the node of each frame it runs and adds the instructions it executed to it
 * when the frame changes. The tables are typed arrays of a fixed or doubling size, so the loop's stores never
 * change an array's kind (which would deoptimise the loop and every frame of it on the JS stack).
 */
export class CountingState {
  readonly opCounts = new Float64Array(OPCODE_LIMIT);
  readonly fnCalls: Float64Array;
  readonly fnInstructions: Float64Array;
  readonly fnAllocations: Float64Array;
  /** Per stack node: its parent node (-1 at the root), its function, and the instructions run with it on top. */
  private readonly stackParent = new Int32Array(MAX_STACKS);
  private readonly stackChunk = new Int32Array(MAX_STACKS);
  private readonly stackInstructions = new Float64Array(MAX_STACKS);
  private stackCount = 0;
  /** The caller's stack node of each frame kept on `Run.frames`, by frame pointer. */
  private frameNodes = new Int32Array(3 * 256);
  /** The stack node a JS call of the loop starts in (set by its caller). */
  entryNode = -1;
  stacksTruncated = false;
  private readonly children = new Map<number, number>();

  constructor(
    private readonly chunkCount: number,
    /** Instructions left before the step budget is exhausted (a large number when there is no budget). */
    public stepsLeft: number,
  ) {
    this.fnCalls = new Float64Array(chunkCount);
    this.fnInstructions = new Float64Array(chunkCount);
    this.fnAllocations = new Float64Array(chunkCount);
  }

  /** The stack node of chunk `chunk` called from node `parent` (-1: from outside the program), created on first use. */
  enter(parent: number, chunk: number): number {
    const key = parent * this.chunkCount + chunk;
    const known = this.children.get(key);
    if (known !== undefined) return known;
    if (this.stackCount === MAX_STACKS) {
      this.stacksTruncated = true;
      return parent;
    }
    const node = this.stackCount++;
    this.stackParent[node] = parent;
    this.stackChunk[node] = chunk;
    this.children.set(key, node);
    return node;
  }

  /** The node of chunk `chunk` replacing the top frame of `node`'s stack (a tail call to another function). */
  replace(node: number, chunk: number): number {
    return this.enter(this.stackParent[node], chunk);
  }

  /** Adds `count` instructions run by chunk `chunk` with stack `node` on top. */
  addInstructions(chunk: number, node: number, count: number): void {
    this.fnInstructions[chunk] += count;
    this.stackInstructions[node] += count;
  }

  /** Keeps the caller's stack node of the frame record at `fp` (a frame the loop keeps on `Run.frames`). */
  saveNode(fp: number, node: number): void {
    if (fp >= this.frameNodes.length) {
      const grown = new Int32Array(Math.max(fp + 3, this.frameNodes.length * 2));
      grown.set(this.frameNodes);
      this.frameNodes = grown;
    }
    this.frameNodes[fp] = node;
  }

  /** The stack node kept by `saveNode(fp, …)`. */
  savedNode(fp: number): number {
    return this.frameNodes[fp];
  }

  /** The counters as data: `names` and `sources` describe the chunks. */
  toCounters(names: readonly string[], sources: readonly ChunkSource[]): RunCounters {
    const byOpcode: Record<string, number> = {};
    let instructions = 0;
    this.opCounts.forEach((count, code) => {
      if (count === 0) return;
      instructions += count;
      byOpcode[opcodeInfo(code)?.name ?? String(code)] = count;
    });
    const row = new Int32Array(this.chunkCount).fill(-1);
    const byFunction: FunctionCounters[] = [];
    let calls = 0;
    let allocations = 0;
    for (let chunk = 0; chunk < this.chunkCount; chunk++) {
      const counts = {
        calls: this.fnCalls[chunk],
        instructions: this.fnInstructions[chunk],
        allocations: this.fnAllocations[chunk],
      };
      if (counts.calls === 0 && counts.instructions === 0) continue;
      calls += counts.calls;
      allocations += counts.allocations;
      row[chunk] = byFunction.length;
      byFunction.push({
        name: names[chunk],
        file: sources[chunk].file,
        line: sources[chunk].line,
        ...counts,
      });
    }
    const stacks: StackCounters[] = [];
    for (let node = 0; node < this.stackCount; node++) {
      const parent = this.stackParent[node];
      stacks.push({
        parent: parent < 0 ? null : parent,
        function: row[this.stackChunk[node]],
        instructions: this.stackInstructions[node],
      });
    }
    return {
      instructions,
      calls,
      allocations,
      byOpcode,
      byFunction,
      stacks,
      stacksTruncated: this.stacksTruncated,
    };
  }
}
