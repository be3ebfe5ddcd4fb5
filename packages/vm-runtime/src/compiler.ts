import type { BindingStmt } from './ast.js';
import { BUILTINS, builtinImplementations } from './builtins/index.js';
import type { Chunk } from './chunk.js';
import type { CheckedProgram } from './checker/index.js';
import { UnitCompiler } from './compiler/unit-compiler.js';
import { builtinReturnsHeap } from './passes/analyze.js';
import type { ChunkSource } from './counting-state.js';
import type { CodeUnit, UnitFacts } from './passes/code-unit.js';
import type { LoweredProgram } from './pipeline.js';
import { runtimeTypesOf } from './runtime-types.js';
import { FunctionValue, type SumType, type VariantValue } from './values.js';
import type { ProgramCode } from './vm-support.js';

/** A verify block as the `verify` command runs it: which chunks compute its domains and cases. */
export interface VerifyPlan {
  /** `add` for cases, `add spec commutative` for a law (the 0.13–0.22 label of verify blocks). */
  readonly label: string;
  readonly fnName: string;
  readonly law: string | null;
  readonly line: number;
  /**
   * One chunk per `given` (params: the earlier givens); the chunk returns `(from, to)` or a list (or the `Err` a `?`
   * met). `line` is the given's line.
   */
  readonly domains: readonly {
    readonly name: string;
    readonly chunk: number;
    readonly range: boolean;
    readonly line: number;
  }[];
  /** One chunk per case (params: all givens); see `UnitCompiler.verifyCase` for its result encoding. */
  readonly cases: readonly { readonly chunk: number; readonly line: number; readonly source: string }[];
}

/** The bytecode of a whole program plus what the API and the commands need to run it. */
export interface CompiledCode extends ProgramCode {
  /** Chunk index of `main`, or `null` when the entry file has none. */
  readonly mainIndex: number | null;
  readonly topLevelIndex: number;
  /** False when there are no top-level statements (the run skips `__top_level__`). */
  readonly hasTopLevel: boolean;
  readonly facts: readonly (UnitFacts | null)[];
  readonly verifyPlans: readonly VerifyPlan[];
  /** Where each chunk's function was declared (the counters' `byFunction` rows name it). */
  readonly chunkSources: readonly ChunkSource[];
}

/** Program-wide tables the unit compiler reads: indexes of functions, globals and types, shared constants. */
export interface CompileTables {
  readonly checked: CheckedProgram;
  /** The code units, indexed like the chunks (the compiler inlines small leaf functions from them). */
  readonly units: readonly CodeUnit[];
  readonly functionIndex: ReadonlyMap<string, number>;
  readonly functionValues: readonly FunctionValue[];
  readonly globalIndex: ReadonlyMap<BindingStmt, number>;
  readonly globalByName: ReadonlyMap<string, number>;
  readonly recordIndex: ReadonlyMap<string, number>;
  readonly sumIndex: ReadonlyMap<string, number>;
  readonly sumTypes: readonly SumType[];
  /** Nullary variants, one shared value each, by `Type.Variant`. */
  readonly nullaryVariants: ReadonlyMap<string, VariantValue>;
  /** Constructor function values (`Shape.Circle` used as a value), by `Type.Variant`. */
  readonly constructorValues: Map<string, FunctionValue>;
  readonly builtinValues: Map<string, FunctionValue>;
}

/**
 * Compiles the code units of a lowered program into chunks (the reference's "Compilation sketch"), one per unit, in unit order: functions, their
 * buffered variants, `__top_level__`, then the verify units of the entry file.
 *
 * @throws CompileError (compiler/compile-error.ts) when a construct lacks the checker's annotations.
 */
export function compileProgram(lowered: LoweredProgram): CompiledCode {
  const { checked, units } = lowered;
  const functionIndex = new Map<string, number>();
  units.forEach((unit, index) => {
    functionIndex.set(unit.name, index);
  });
  const functionValues = units.map((unit, index) => new FunctionValue('fn', unit.name, index));

  const globalIndex = new Map<BindingStmt, number>();
  const globalByName = new Map<string, number>();
  checked.globals.forEach((global, index) => {
    globalIndex.set(global.stmt, index);
    globalByName.set(global.qualifiedName, index);
  });

  const { recordTypes, recordIndex, sumTypes, sumIndex, nullaryVariants } = runtimeTypesOf(checked);

  const tables: CompileTables = {
    checked,
    units,
    functionIndex,
    functionValues,
    globalIndex,
    globalByName,
    recordIndex,
    sumIndex,
    sumTypes,
    nullaryVariants,
    constructorValues: new Map(),
    builtinValues: new Map(),
  };
  const chunks: Chunk[] = units.map((unit) => new UnitCompiler(tables, unit).compile());
  const mainIndex =
    checked.functions.get('main')?.module === null ? (functionIndex.get('main') ?? null) : null;
  const topLevelIndex = functionIndex.get('__top_level__')!;
  return {
    chunks,
    builtinImpls: builtinImplementations(checked.intModStyle),
    builtinAllocates: Uint8Array.from(BUILTINS, (_row, index) => (builtinReturnsHeap(index) ? 1 : 0)),
    recordTypes,
    sumTypes,
    globalCount: checked.globals.length,
    mainIndex,
    topLevelIndex,
    hasTopLevel: units[topLevelIndex].body.length > 0,
    facts: units.map((unit) => unit.facts),
    verifyPlans: verifyPlans(units, checked.entry.text),
    chunkSources: units.map((unit) => chunkSourceOf(unit, checked)),
  };
}

/** Where a unit was declared: its function's `fn` line, or the entry file for `__top_level__` and verify units. */
function chunkSourceOf(unit: CodeUnit, checked: CheckedProgram): ChunkSource {
  if (unit.decl !== null) return { file: unit.decl.span.file, line: unit.decl.span.line };
  return { file: checked.entry.path, line: null };
}

/**
 * Groups the verify units into one plan per block, in source order. A unit's chunk is its index: unit names are not
 * unique here (two `verify add` blocks both have a `<verify add #1>`).
 */
function verifyPlans(units: readonly CodeUnit[], entryText: string): VerifyPlan[] {
  type Domain = VerifyPlan['domains'][number];
  type Case = VerifyPlan['cases'][number];
  const plans = new Map<object, VerifyPlan & { domains: Domain[]; cases: Case[] }>();
  units.forEach((unit, chunk) => {
    const role = unit.verify;
    if (role === null) return;
    const block = role.block;
    let plan = plans.get(block);
    if (plan === undefined) {
      plan = {
        label: block.law === null ? block.fnName : `${block.fnName} spec ${block.law}`,
        fnName: block.fnName,
        law: block.law,
        line: block.span.line,
        domains: [],
        cases: [],
      };
      plans.set(block, plan);
    }
    if (role.kind === 'domain') {
      const given = block.givens[role.givenIndex];
      plan.domains.push({
        name: given.name,
        chunk,
        range: given.domain.kind === 'range',
        line: given.span.line,
      });
    } else {
      const verifyCase = block.cases[role.caseIndex];
      const source = entryText.slice(verifyCase.span.start, verifyCase.span.end);
      plan.cases.push({ chunk, line: verifyCase.span.line, source });
    }
  });
  return [...plans.values()];
}
