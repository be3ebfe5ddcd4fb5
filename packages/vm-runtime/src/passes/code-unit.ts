import type { Expr, FnDecl, Stmt, VerifyBlock } from '../ast.js';
import type { CheckedGiven, CheckedProgram, Type } from '../checker/index.js';
import { cloneStmts, type TypeTables } from './clone.js';

/** A parameter of a code unit: its name and checked type. */
export interface UnitParam {
  readonly name: string;
  readonly type: Type;
}

/**
 * Per-unit facts computed by `analyze` (language reference: "What each stage does") and used by the compiler and the
 * bench.
 */
export interface UnitFacts {
  /** Frame slots (params, bindings, pattern binders, temporaries). */
  readonly localCount: number;
  /** Calls no Aver function (built-ins and constructors only). */
  readonly leaf: boolean;
  /** Allocates nothing and calls no Aver function: runs in its frame without touching the heap. */
  readonly thin: boolean;
  /** Allocation sites in the unit (see the README's definition of `compiler_visible_allocs`). */
  readonly allocSites: number;
  /** Tail calls to itself (`TAIL_CALL_SELF`) and to other functions of its SCC (`TAIL_CALL`). */
  readonly selfTailCalls: number;
  readonly mutualTailCalls: number;
}

/** What a verify unit computes (see compiler.ts for the return encoding). */
export type VerifyUnitRole =
  | {
      readonly kind: 'case';
      readonly block: VerifyBlock;
      /** Index of the case in `block.cases`. */
      readonly caseIndex: number;
      readonly oracle: VerifyOracleFacts;
    }
  | {
      readonly kind: 'domain';
      readonly block: VerifyBlock;
      /** Index of the `given` whose domain this unit evaluates (its params are the givens before it). */
      readonly givenIndex: number;
      readonly oracle: VerifyOracleFacts;
    };

/**
 * What Oracle verification needs to know about a block (Oracle addendum: "Running one case", "`aver verify` output").
 */
export interface VerifyOracleFacts {
  /**
   * Whether a trace projection that is the whole left side is evaluated: the block's `trace` flag, or for a cases
   * block the flag of the first cases block of its function (the reference merges them, Oracle addendum:
   * "`aver verify` output").
   */
  readonly trace: boolean;
  /**
   * The givens whose value stubs an effect, by position among the givens, with the effect (Oracle addendum:
   * "Running one case" step 2).
   */
  readonly stubs: readonly { readonly given: number; readonly effect: string }[];
}

/**
 * A body the passes transform and the compiler turns into one chunk: a function, a `__buffered` variant made by
 * `buffer_build`, the top-level statements (`__top_level__`), or a piece of a verify block.
 */
export interface CodeUnit {
  /** Chunk name: the qualified function name, `f__buffered`, `__top_level__`, `<verify f #2>`. */
  readonly name: string;
  readonly kind: 'function' | 'buffered' | 'topLevel' | 'verify';
  /** Dotted module path, `null` for the entry file. */
  readonly module: string | null;
  readonly params: readonly UnitParam[];
  /** The statements; for a function the last one gives the result. */
  readonly body: readonly Stmt[];
  /** Declared return type (Unit for `__top_level__`). */
  readonly ret: Type;
  /** The declaration, for functions and their buffered variants. */
  readonly decl: FnDecl | null;
  readonly verify: VerifyUnitRole | null;
  /** Filled by `resolve`. */
  localCount: number;
  /** Filled by `analyze`. */
  facts: UnitFacts | null;
}

const UNIT_TYPE: Type = { kind: 'Unit' };

/**
 * The code units of a checked program in chunk order: every function (dependencies first), then `__top_level__`,
 * then one unit per case and per law domain of the entry file's verify blocks.
 */
export function buildCodeUnits(program: CheckedProgram): CodeUnit[] {
  const units: CodeUnit[] = [];
  for (const fn of program.functions.values()) {
    units.push({
      name: fn.qualifiedName,
      kind: 'function',
      module: fn.module,
      params: fn.decl.params.map((param, index) => ({ name: param.name, type: fn.params[index] })),
      body: fn.decl.body,
      ret: fn.ret,
      decl: fn.decl,
      verify: null,
      localCount: 0,
      facts: null,
    });
  }
  units.push({
    name: '__top_level__',
    kind: 'topLevel',
    module: null,
    params: [],
    body: program.topLevel.map((entry) => entry.stmt),
    ret: UNIT_TYPE,
    decl: null,
    verify: null,
    localCount: 0,
    facts: null,
  });
  const firstCasesBlock = new Map<string, VerifyBlock>();
  for (const checked of program.verifyBlocks) {
    if (checked.module !== null || checked.fnQualifiedName === null) continue;
    const block = checked.block;
    if (block.law === null && !firstCasesBlock.has(block.fnName)) firstCasesBlock.set(block.fnName, block);
    const trace = block.law === null ? firstCasesBlock.get(block.fnName)!.trace : block.trace;
    units.push(...verifyUnits(block, checked.givens, trace, program));
  }
  return units;
}

/**
 * One unit per `given` domain (params: the earlier givens) and one per case (params: every given). Each case gets
 * its own copy of the block's bindings and premises, since the passes annotate them per unit.
 */
function verifyUnits(
  block: VerifyBlock,
  givens: readonly CheckedGiven[],
  trace: boolean,
  tables: TypeTables,
): CodeUnit[] {
  const units: CodeUnit[] = [];
  const stubs = givens.flatMap((given, index) =>
    given.stubs === null ? [] : [{ given: index, effect: given.stubs }],
  );
  const oracle: VerifyOracleFacts = { trace, stubs };
  const label = block.law === null ? block.fnName : `${block.fnName} law ${block.law}`;
  block.givens.forEach((given, givenIndex) => {
    const domain = given.domain;
    const value: Expr =
      domain.kind === 'range'
        ? { kind: 'Tuple', items: [domain.from, domain.to], span: given.span }
        : { kind: 'List', items: domain.items, span: given.span };
    units.push({
      name: `<verify ${label} given ${given.name}>`,
      kind: 'verify',
      module: null,
      params: givens.slice(0, givenIndex),
      body: [{ kind: 'ExprStmt', expr: value, span: given.span }],
      ret: UNIT_TYPE,
      decl: null,
      verify: { kind: 'domain', block, givenIndex, oracle },
      localCount: 0,
      facts: null,
    });
  });
  block.cases.forEach((verifyCase, caseIndex) => {
    // Layout read by the compiler: the `when` premises (expression statements), then lhs, then rhs.
    const premises: Stmt[] = block.whens.map((expr) => ({ kind: 'ExprStmt', expr, span: expr.span }));
    const body: Stmt[] = [
      ...cloneStmts(premises, tables),
      { kind: 'ExprStmt', expr: verifyCase.lhs, span: verifyCase.lhs.span },
      { kind: 'ExprStmt', expr: verifyCase.rhs, span: verifyCase.rhs.span },
    ];
    units.push({
      name: `<verify ${label} #${caseIndex + 1}>`,
      kind: 'verify',
      module: null,
      params: givens,
      body,
      ret: UNIT_TYPE,
      decl: null,
      verify: { kind: 'case', block, caseIndex, oracle },
      localCount: 0,
      facts: null,
    });
  });
  return units;
}
