import type { BuiltinImpl } from '../builtins/builtin-def.js';
import { BUILTINS } from '../builtins/index.js';
import { AverRuntimeError } from '../errors.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { UNIT, type Value } from '../values.js';
import type { OracleState } from './oracle-state.js';
import { patternArgsOf, projectionText } from './trace-query.js';

/** The session whose cases the verify code is running (set by `verifyProgram`). */
export interface OracleCell {
  state: OracleState | null;
}

/**
 * Hooks the compiler emits in the verify code, as built-in calls: a `!`/`?!` group and its branches, the point
 * after a case's premises where its stubs take effect, a trace projection that is a case's whole left side, and one
 * anywhere else (a run-time error, Oracle addendum: "Grammar").
 */
export type OracleHook = 'groupEnter' | 'branch' | 'groupExit' | 'install' | 'project' | 'misplaced';

/**
 * The built-in table of the verify code (Oracle addendum: "Running one case"): the program's built-ins, each
 * effectful one dispatching through the session's `OracleState`, plus one entry per (effect, calling function) pair,
 * so a dispatch knows whether the verified function made the call itself, plus the hooks. Built while the verify code
 * is compiled.
 */
export class OracleTable {
  readonly cell: OracleCell = { state: null };
  private readonly impls: BuiltinImpl[];
  private readonly names: string[];
  private readonly slots = new Map<string, number>();
  private readonly hooks = new Map<OracleHook, number>();

  /** @param base - The program's built-in implementations by index (the era's `Int.mod` included). */
  constructor(private readonly base: readonly BuiltinImpl[]) {
    this.names = BUILTINS.map((row) => row.name);
    // Effectful built-ins called through a function value: the caller is not known, so never recorded.
    this.impls = base.map((impl, index) =>
      BUILTINS[index].effects.length > 0 ? this.effect(index, null) : impl,
    );
  }

  /** The built-in index a call of effect `builtin` from function `caller` uses in the verify code. */
  effectSlot(builtin: number, caller: string): number {
    const key = `${builtin} ${caller}`;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.add(`${this.names[builtin]} from ${caller}`, this.effect(builtin, caller));
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** The built-in index of a hook. */
  hook(name: OracleHook): number {
    let index = this.hooks.get(name);
    if (index === undefined) {
      index = this.add(`oracle.${name}`, this.hookImpl(name));
      this.hooks.set(name, index);
    }
    return index;
  }

  /** Implementations by index, for the verify code's `builtinImpls`. */
  get builtinImpls(): readonly BuiltinImpl[] {
    return this.impls;
  }

  /** Names by index, for the disassembler (`Random.int from rollTwice`, `oracle.install`). */
  get builtinNames(): readonly string[] {
    return this.names;
  }

  private add(name: string, impl: BuiltinImpl): number {
    this.impls.push(impl);
    this.names.push(name);
    return this.impls.length - 1;
  }

  private effect(builtin: number, caller: string | null): BuiltinImpl {
    const def = BUILTINS[builtin];
    const impl = this.base[builtin];
    const cell = this.cell;
    return (host, a, b, c, d) => {
      const state = cell.state;
      if (state === null || !state.active) return impl(host, a, b, c, d);
      const args: Value[] = [a, b, c, d].slice(0, def.arity);
      return state.dispatch(def, impl, caller, host, args);
    };
  }

  private hookImpl(name: OracleHook): BuiltinImpl {
    const cell = this.cell;
    switch (name) {
      case 'groupEnter':
        return () => {
          if (cell.state?.active) cell.state.enterGroup();
          return UNIT;
        };
      case 'branch':
        return (_host, index) => {
          if (cell.state?.active) cell.state.enterBranch(index as number);
          return UNIT;
        };
      case 'groupExit':
        return () => {
          if (cell.state?.active) cell.state.exitGroup();
          return UNIT;
        };
      case 'install':
        return () => {
          cell.state?.install();
          return UNIT;
        };
      case 'project':
        return (_host, result, descriptor, method, pattern) => {
          const state = cell.state;
          if (state === null) throw misplaced(descriptor as string);
          return state.project(result, descriptor as string, method as string, patternArgsOf(pattern));
        };
      case 'misplaced':
        return (_host, descriptor) => {
          throw misplaced(descriptor as string);
        };
    }
  }
}

function misplaced(descriptor: string): AverRuntimeError {
  return new AverRuntimeError(RuntimeMessages.traceProjectionMisplaced(projectionText(descriptor)));
}
