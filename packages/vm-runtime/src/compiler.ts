import type { BindingStmt } from './ast.js';
import {
  BUILTIN_INDEX,
  BUILTIN_RECORD_TYPES,
  BUILTINS,
  type BuiltinImpl,
  intModTruncated,
} from './builtins/index.js';
import type { Chunk } from './chunk.js';
import type { CheckedProgram } from './checker/index.js';
import { UnitCompiler } from './compiler/unit-compiler.js';
import { builtinReturnsHeap } from './passes/analyze.js';
import type { CodeUnit, UnitFacts } from './passes/code-unit.js';
import type { LoweredProgram } from './pipeline.js';
import { FunctionValue, type RecordType, type SumType, VariantValue } from './values.js';
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

  const recordTypes: RecordType[] = [];
  const recordIndex = new Map<string, number>();
  const sumTypes: SumType[] = [];
  const sumIndex = new Map<string, number>();
  const nullaryVariants = new Map<string, VariantValue>();
  for (const [name, type] of checked.types) {
    if (type.kind === 'record') {
      recordIndex.set(name, recordTypes.length);
      recordTypes.push(
        BUILTIN_RECORD_TYPES.get(name) ?? {
          name: displayName(name, checked),
          fieldNames: type.fields.map((field) => field.name),
        },
      );
      continue;
    }
    const sum: SumType = {
      name: displayName(name, checked),
      variants: type.variants.map((variant) => ({ name: variant.name, arity: variant.fields.length })),
    };
    sumIndex.set(name, sumTypes.length);
    sumTypes.push(sum);
    type.variants.forEach((variant, tag) => {
      if (variant.fields.length === 0)
        nullaryVariants.set(`${name}.${variant.name}`, new VariantValue(sum, tag, []));
    });
  }

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
    builtinImpls: builtinImplsFor(checked),
    builtinAllocates: Uint8Array.from(BUILTINS, (_row, index) => (builtinReturnsHeap(index) ? 1 : 0)),
    recordTypes,
    sumTypes,
    globalCount: checked.globals.length,
    mainIndex,
    topLevelIndex,
    hasTopLevel: units[topLevelIndex].body.length > 0,
    facts: units.map((unit) => unit.facts),
    verifyPlans: verifyPlans(units, checked.entry.text),
  };
}

/** The built-in implementations by index, with the `Int.mod` of the program's era (`CheckedProgram.intModStyle`). */
function builtinImplsFor(checked: CheckedProgram): BuiltinImpl[] {
  const impls = BUILTINS.map((row) => row.impl);
  if (checked.intModStyle === 'truncated') impls[BUILTIN_INDEX.get('Int.mod')!] = intModTruncated;
  return impls;
}

/** The display name of a type: its declared name without the module path (`Data.Shapes.Shape` → `Shape`). */
function displayName(qualified: string, checked: CheckedProgram): string {
  for (const module of checked.order) {
    if (qualified.startsWith(`${module}.`)) return qualified.slice(module.length + 1);
  }
  return qualified;
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
