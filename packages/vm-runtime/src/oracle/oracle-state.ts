import type { BuiltinDef, BuiltinImpl, HostContext } from '../builtins/builtin-def.js';
import { branchPath } from '../builtins/branch-path.js';
import { AverRuntimeError } from '../errors.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { normalizeInt, UNIT, type Value } from '../values.js';
import { runLoop } from '../vm.js';
import { growStack, type ProgramCode, Run } from '../vm-support.js';
import { effectDimension, isGenerative } from './effect-dimensions.js';
import { applyProjection, type RecordedEvent } from './trace-query.js';

/** A group of an independent product being run: its case-wide index, the branch running, that branch's counter. */
interface OpenGroup {
  readonly group: number;
  branch: number;
  counter: number;
}

/**
 * The Oracle state of one `aver verify` session (Oracle addendum: "Running one case"): which function a case
 * verifies, the stubs installed for it, the branch path and counters of the generative stubs, and the effect events
 * the verified function emits. The built-ins of the verify code (oracle-table.ts) dispatch every effect through
 * `dispatch`, and the compiler's hooks report groups, branches, the start of a case's left side and its trace
 * projections.
 */
export class OracleState {
  /** True from a case's `install` to its end: effects are stubbed, traced and checked. */
  active = false;
  private target: string | null = null;
  private pending: ReadonlyMap<string, number> = new Map();
  private stubs: ReadonlyMap<string, number> = new Map();
  private events: RecordedEvent[] = [];
  private counter = 0;
  private readonly open: OpenGroup[] = [];
  private groupCount = 0;
  /** Events of the last evaluated projection (shown with a failed case). */
  projected: readonly RecordedEvent[] | null = null;
  /** Runs for stub calls, one per nesting depth (a stub may itself use a stubbed effect). */
  private readonly nested: Run[] = [];
  private depth = 0;

  constructor(
    private readonly code: ProgramCode,
    private readonly parent: Run,
  ) {}

  /**
   * Prepares a case: `target` is the verified function (its direct effect calls are recorded), `stubs` maps each
   * stubbed effect to the chunk of its stub. They take effect at `install`, after the `when` premises.
   */
  beginCase(target: string, stubs: ReadonlyMap<string, number>): void {
    this.target = target;
    this.pending = stubs;
    this.projected = null;
  }

  /** Ends the case: effects run as they are again (top-level statements, given domains). */
  endCase(): void {
    this.active = false;
    this.stubs = new Map();
    this.open.length = 0;
  }

  /**
   * The case's premises passed: stubs on, trace collection and the counter start (Oracle addendum: "Running one case"
   * steps 2–3).
   */
  install(): void {
    this.active = true;
    this.stubs = this.pending;
    this.events = [];
    this.counter = 0;
    this.open.length = 0;
    this.groupCount = 0;
  }

  /**
   * One effect call while a case runs (Oracle addendum: "Running one case" step 5): an unclassified effect is a
   * violation; a call the verified function makes itself is recorded; a stubbed snapshot effect calls its stub with
   * the arguments, a stubbed generative one with `(path, n, args…)`; an unstubbed output effect is not performed;
   * anything else runs.
   */
  dispatch(
    def: BuiltinDef,
    impl: BuiltinImpl,
    caller: string | null,
    host: HostContext,
    args: readonly Value[],
  ): Value {
    const name = def.name;
    const dimension = effectDimension(name);
    if (dimension === null) throw new AverRuntimeError(RuntimeMessages.effectViolation(name, name));
    const path = this.path();
    if (caller !== null && caller === this.target) {
      this.events.push({
        method: name,
        args,
        path,
        groups: this.open.map((group) => ({ group: group.group, branch: group.branch })),
      });
    }
    const stub = this.stubs.get(name);
    if (stub !== undefined && dimension === 'snapshot') return this.call(stub, args);
    if (stub !== undefined && isGenerative(dimension)) {
      const n = this.nextCounter();
      return this.call(stub, [branchPath(path), n, ...args]);
    }
    if (dimension === 'output') return UNIT;
    return impl(host, args[0], args[1], args[2], args[3]);
  }

  /**
   * Entering a `!`/`?!` group: it gets the next case-wide index (Oracle addendum:
   * "`BranchPath`, `Trace`, `EffectEvent`" `.group(n)`).
   */
  enterGroup(): void {
    this.open.push({ group: this.groupCount++, branch: 0, counter: 0 });
  }

  /** Entering branch `index` of the innermost group: its path segment, and a counter of its own from 0. */
  enterBranch(index: number): void {
    const group = this.open[this.open.length - 1];
    if (group === undefined) return;
    group.branch = index;
    group.counter = 0;
  }

  exitGroup(): void {
    this.open.pop();
  }

  /** A projection that is the whole left side of a trace case, applied to the events so far. */
  project(result: Value, descriptor: string, method: string, patternArgs: readonly Value[] | null): Value {
    this.projected = [...this.events];
    if (descriptor === 'result') return result;
    return applyProjection(descriptor, this.events, method, patternArgs);
  }

  /** Dewey path of the running branch: `""` at the root, `"i"`, `"i.j"` inside nested groups. */
  private path(): string {
    return this.open.map((group) => group.branch).join('.');
  }

  /** The counter passed to a generative stub, then advanced: per case at the root, per branch in a group. */
  private nextCounter(): Value {
    const group = this.open[this.open.length - 1];
    const n = group === undefined ? this.counter++ : group.counter++;
    return normalizeInt(BigInt(n));
  }

  /** Calls an Aver function (a stub) from inside a built-in: a nested run sharing the session's globals. */
  private call(chunk: number, args: readonly Value[]): Value {
    let run = this.nested[this.depth];
    if (run === undefined) {
      const stack: Value[] = [];
      growStack(stack, 64);
      const frames = new Array<number>(3 * 64).fill(0);
      const parent = this.parent;
      run = new Run(
        this.code,
        stack,
        frames,
        parent.globals,
        parent.host,
        parent.maxFrames,
        null,
        null,
        null,
      );
      this.nested[this.depth] = run;
    }
    if (args.length + 8 > run.stack.length) growStack(run.stack, args.length);
    for (let i = 0; i < args.length; i++) run.stack[i] = args[i];
    this.depth++;
    try {
      return runLoop(run, chunk);
    } finally {
      this.depth--;
    }
  }
}
