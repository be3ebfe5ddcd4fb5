import type { BindingStmt } from './ast.js';
import { BUILTINS, builtinImplementations } from './builtins/index.js';
import type { Chunk } from './chunk.js';
import type { CheckedProgram } from './checker/index.js';
import { UnitCompiler } from './compiler/unit-compiler.js';
import { type VerifyPlan, verifyPlans } from './compiler/verify-plans.js';
import { type OracleCell, OracleTable } from './oracle/oracle-table.js';
import type { ChunkSource } from './counting-state.js';
import { builtinReturnsHeap } from './passes/analyze.js';
import type { CodeUnit, UnitFacts } from './passes/code-unit.js';

export type { VerifyPlan } from './compiler/verify-plans.js';
import type { LoweredProgram } from './pipeline.js';
import { runtimeTypesOf } from './runtime-types.js';
import { FunctionValue, type SumType, type VariantValue } from './values.js';
import type { ProgramCode } from './vm-support.js';

/** The bytecode of a whole program plus what the API and the commands need to run it. */
export interface CompiledCode extends ProgramCode {
  /** Chunk index of `main`, or `null` when the entry file has none. */
  readonly mainIndex: number | null;
  readonly topLevelIndex: number;
  /** False when there are no top-level statements (the run skips `__top_level__`). */
  readonly hasTopLevel: boolean;
  readonly facts: readonly (UnitFacts | null)[];
  /** Where each chunk's function was declared (the counters' `byFunction` rows name it). */
  readonly chunkSources: readonly ChunkSource[];
  /** Built-in names by index, for the disassembler (the verify code adds per-caller effect entries and hooks). */
  readonly builtinNames: readonly string[];
  /**
   * The same program compiled for `aver verify` (built on first use): its verify blocks, and every effect
   * dispatched through Oracle verification (Oracle addendum: "Running one case").
   */
  readonly verifyCode: () => VerifyCode;
}

/** The code `aver verify` runs: the program plus its verify units, with Oracle dispatch. */
export interface VerifyCode extends CompiledCode {
  readonly verifyPlans: readonly VerifyPlan[];
  /** Where the verify session that runs this code puts its Oracle state. */
  readonly oracle: OracleCell;
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
  /** Set when compiling the verify code: effect calls, products and cases get Oracle's built-ins and hooks. */
  readonly oracle: OracleTable | null;
}

/**
 * Compiles the code units of a lowered program into chunks (the reference's "Compilation sketch"), one per unit, in
 * unit order: functions, their buffered variants, `__top_level__`. The verify units of the entry file, which come
 * last, are compiled only into the verify code (`verifyCode()`, built on first use), where effect calls go through
 * Oracle verification and nothing is inlined (a dispatch must know which function made the call).
 *
 * @throws CompileError (compiler/compile-error.ts) when a construct lacks the checker's annotations.
 */
export function compileProgram(lowered: LoweredProgram): CompiledCode {
  let verifyCode: VerifyCode | null = null;
  const code = compileUnits(lowered, null, () => {
    verifyCode ??= compileVerifyCode(lowered);
    return verifyCode;
  });
  return code;
}

function compileVerifyCode(lowered: LoweredProgram): VerifyCode {
  const oracle = new OracleTable(builtinImplementations(lowered.checked.intModStyle));
  let self: VerifyCode | null = null;
  const code = compileUnits(lowered, oracle, () => self!);
  self = { ...code, verifyPlans: verifyPlans(lowered.units, lowered.checked), oracle: oracle.cell };
  return self;
}

function compileUnits(
  lowered: LoweredProgram,
  oracle: OracleTable | null,
  verifyCode: () => VerifyCode,
): CompiledCode {
  const { checked } = lowered;
  const units = oracle === null ? lowered.units.filter((unit) => unit.kind !== 'verify') : lowered.units;
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
    oracle,
  };
  const chunks: Chunk[] = units.map((unit) => new UnitCompiler(tables, unit).compile());
  const mainIndex =
    checked.functions.get('main')?.module === null ? (functionIndex.get('main') ?? null) : null;
  const topLevelIndex = functionIndex.get('__top_level__')!;
  const builtinImpls = oracle?.builtinImpls ?? builtinImplementations(checked.intModStyle);
  const builtinAllocates = new Uint8Array(builtinImpls.length);
  for (let index = 0; index < BUILTINS.length; index++)
    builtinAllocates[index] = builtinReturnsHeap(index) ? 1 : 0;
  return {
    chunks,
    builtinImpls,
    builtinAllocates,
    builtinNames: oracle?.builtinNames ?? BUILTINS.map((row) => row.name),
    recordTypes,
    sumTypes,
    globalCount: checked.globals.length,
    mainIndex,
    topLevelIndex,
    hasTopLevel: units[topLevelIndex].body.length > 0,
    facts: units.map((unit) => unit.facts),
    chunkSources: units.map((unit) => chunkSourceOf(unit, checked)),
    verifyCode,
  };
}

/** Where a unit was declared: its function's `fn` line, or the entry file for `__top_level__` and verify units. */
function chunkSourceOf(unit: CodeUnit, checked: CheckedProgram): ChunkSource {
  if (unit.decl !== null) return { file: unit.decl.span.file, line: unit.decl.span.line };
  return { file: checked.entry.path, line: null };
}
