import type { Expr } from '../ast.js';
import { BUILTIN_INDEX, BUILTIN_SIGNATURES } from '../builtins/signatures.js';
import { parseSignature } from '../checker/index.js';
import { BufferIntrinsic } from './buffer-build.js';
import type { CodeUnit } from './code-unit.js';
import { visitExprs } from './walk.js';

/** What `analyze` computed for the whole program. */
export interface AnalyzeResult {
  /** Allocation sites of the entry file's functions, buffered variants and top-level statements. */
  readonly compilerVisibleAllocs: number;
  readonly leafUnits: number;
  readonly thinUnits: number;
}

/**
 * The `analyze` stage (language reference: "What each stage does"): read-only facts per code unit (`CodeUnit.facts`):
 * frame size, whether it calls Aver functions (leaf) or also allocates (thin), its tail calls and its allocation
 * sites; and the program's `compiler_visible_allocs`: the allocation sites left in the entry file after the pipeline
 * (the README defines exactly which nodes count; dependency modules and verify blocks do not).
 */
export function analyzeUnits(units: readonly CodeUnit[]): AnalyzeResult {
  let compilerVisibleAllocs = 0;
  let leafUnits = 0;
  let thinUnits = 0;
  for (const unit of units) {
    let allocSites = 0;
    let calls = 0;
    let selfTailCalls = 0;
    let mutualTailCalls = 0;
    visitExprs(unit.body, (expr) => {
      allocSites += allocationSitesOf(expr);
      if (expr.kind !== 'Call') return;
      const target = expr.target?.kind;
      if (target === 'function' || target === 'value') calls++;
      if (expr.tail === true && expr.target?.kind === 'function') {
        if (expr.target.qualifiedName === unit.name) selfTailCalls++;
        else mutualTailCalls++;
      }
    });
    const leaf = calls === 0;
    const thin = leaf && allocSites === 0;
    unit.facts = { localCount: unit.localCount, leaf, thin, allocSites, selfTailCalls, mutualTailCalls };
    if (leaf) leafUnits++;
    if (thin) thinUnits++;
    if (unit.module === null && unit.kind !== 'verify') compilerVisibleAllocs += allocSites;
  }
  return { compilerVisibleAllocs, leafUnits, thinUnits };
}

/**
 * How many allocation sites one node is (not counting its children): non-empty list and map literals, tuples and
 * independent products, record constructions and updates, variant constructions with a payload, `Result.Ok`,
 * `Result.Err` and `Option.Some`, an interpolation that joins two or more pieces (its buffer), a `buffer_build`
 * buffer, and calls of built-ins that return a heap value (see `builtinReturnsHeap`).
 */
export function allocationSitesOf(expr: Expr): number {
  switch (expr.kind) {
    case 'List':
      return expr.items.length > 0 ? 1 : 0;
    case 'Map':
      return expr.entries.length > 0 ? 1 : 0;
    case 'Tuple':
    case 'Product':
      return 1;
    case 'Interp':
      return expr.lowered !== undefined && expr.lowered.segments.length > 1 ? 1 : 0;
    case 'Call': {
      if (expr.lowered !== undefined) return 0;
      const target = expr.target;
      switch (target?.kind) {
        case 'record':
        case 'recordUpdate':
          return 1;
        case 'variant':
          return expr.args.length > 0 ? 1 : 0;
        case 'builtin': {
          if (target.name === BufferIntrinsic.create) return 1;
          const index = BUILTIN_INDEX.get(target.name);
          return index !== undefined && builtinReturnsHeap(index) ? 1 : 0;
        }
        default:
          return 0;
      }
    }
    default:
      return 0;
  }
}

const HEAP_KINDS = new Set(['List', 'Vector', 'Map', 'Option', 'Result', 'Tuple', 'Named']);
const returnsHeap: (boolean | undefined)[] = [];

/**
 * True when built-in `index` returns a heap value (its declared return type is a List, Vector, Map, Option,
 * Result, tuple or record), so a call of it counts as an allocation site and, in a counting run, as an allocation.
 */
export function builtinReturnsHeap(index: number): boolean {
  let verdict = returnsHeap[index];
  if (verdict === undefined) {
    const signature = parseSignature(BUILTIN_SIGNATURES[index].signature);
    verdict = signature !== null && HEAP_KINDS.has(signature.ret.kind);
    returnsHeap[index] = verdict;
  }
  return verdict;
}
