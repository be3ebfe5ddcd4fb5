import { DEADLINE_CHECK_INTERVAL, type LoweredProgram, runtimeTypesOf, VERSION } from '@aver/vm-runtime';
import { type CodeLine, CodeWriter } from './code-writer.js';
import { INT_ARITHMETIC } from './int-arithmetic.js';
import { jsIdentifier } from './js-names.js';
import { ModuleConstants } from './module-constants.js';
import { planModule, type TailGroup, type UnitPlan } from './module-plan.js';
import { type EmitContext, FunctionScope, globalVariable, UnitEmitter } from './unit-emitter.js';

/** Options of `emitModule`. */
export interface EmitOptions {
  /** The entry file, named in the header comment. */
  readonly entryPath: string;
  /**
   * Count calls and tail calls towards the deadline (`RunOptions.timeoutMs`), like the VM's check every 4,096
   * calls. Off by default: a run without a deadline pays nothing for it.
   */
  readonly deadline?: boolean;
}

/** A generated module: its source (a function expression taking the runtime) and the Aver line of each JS line. */
export interface EmittedModule {
  readonly source: string;
  /** Indexed by 1-based JS line; 0 where a line belongs to no Aver line. */
  readonly lineTable: Int32Array;
}

/** What a generated module returns when called with the runtime. */
export interface ModuleInstance {
  /** Resets the per-run state (globals, host, limits) before a run. */
  start(state: RunState): void;
  /** Whether the last run continued a call on the heap (past `fastDepth`). */
  wentDeep(): boolean;
  /** `__top_level__`; call with depth 0. */
  readonly topLevel: (depth: number) => unknown;
  readonly hasTopLevel: boolean;
  /** The entry file's `main`, or `null`; call with depth 0 (a `main` with parameters is refused before). */
  readonly main: ((depth: number) => unknown) | null;
  readonly mainArity: number;
}

/** The per-run state a module instance reads. */
export interface RunState {
  readonly host: unknown;
  /** Depth past which calls continue on the heap (`runDeep`): the smaller of the JS-stack budget and `maxFrames`. */
  readonly fastDepth: number;
  /** The VM's `maxFrames`: deeper is the VM's stack overflow error. */
  readonly maxFrames: number;
  /** Called every 4,096 calls when the module was generated with `deadline`; throws past the deadline. */
  readonly checkDeadline: () => void;
}

/** Helpers of `$rt` the generated code names with a `$` prefix. */
const RUNTIME_HELPERS = [
  'UNIT',
  'NONE',
  'EMPTY_LIST',
  'EMPTY_MAP',
  'RecordValue',
  'VariantValue',
  'TupleValue',
  'WrapValue',
  'FunctionValue',
  'StringBuffer',
  'cons',
  'eqFloat',
  'valuesEqual',
  'compareStrings',
  'formatFloat',
  'interpolationText',
  'checkedString',
  'share',
  'markShared',
  'vectorGet',
  'vectorGetOr',
  'vectorSetOrKeep',
  'mapGetOr',
  'charAtOrUndefined',
  'vectorGetOrUndefined',
  'mapGetOrUndefined',
  'readGlobal',
  'updateRecord',
  'mapOf',
  'bufferAppend',
  'firstErr',
  'unwrapAll',
  'matchFailure',
];

/**
 * Compiles a lowered program to one JS module: one function per Aver function (named after it), a generator twin
 * of each (`name$deep`) that takes over past the JS stack's budget, one loop per group of functions that tail-call
 * each other, and the module state of a run (host, globals, limits).
 *
 * @param lowered - The front end's output (`lowerFile`).
 * @param options - The entry's name and whether to count calls towards a deadline.
 * @returns The module source and its line table.
 * @throws JsCompileError when a construct lacks the annotations the front end should have put there.
 */
export function emitModule(lowered: LoweredProgram, options: EmitOptions): EmittedModule {
  const plan = planModule(lowered);
  const checked = lowered.checked;
  const constants = new ModuleConstants(checked, runtimeTypesOf(checked), plan);
  const context: EmitContext = {
    plan,
    checked,
    types: checked.exprTypes,
    constants,
    deadline: options.deadline === true,
  };

  const fast: CodeLine[][] = [];
  const deep: CodeLine[][] = [];
  for (const unit of plan.units) {
    if (unit.group !== null) {
      if (unit.group.members[0] === unit) {
        fast.push(groupFunction(context, unit.group, 'fast'));
        deep.push(groupFunction(context, unit.group, 'deep'));
      }
      fast.push(groupEntry(unit, unit.group));
      continue;
    }
    fast.push(unitFunction(context, unit, 'fast'));
    deep.push(unit.inlined ? leafDeepFunction(unit) : unitFunction(context, unit, 'deep'));
  }

  const writer = new CodeWriter();
  writer.raw('(function ($rt) {');
  writer.raw("'use strict';");
  writer.raw(
    [
      `// ${options.entryPath}, compiled to JavaScript by @aver/bench-target-js (aver ${VERSION}).`,
      '// One function per Aver function. `$d` is the call depth (the VM frame count); past the JS stack budget a call',
      '// continues in the `$deep` generator twin on a heap stack (`$rt.runDeep`). `$rt` is the runtime shared with',
      '// the VM: values, built-ins, display, equality, error texts.',
    ].join('\n'),
  );
  for (const name of RUNTIME_HELPERS) writer.raw(`const $${name} = $rt.${name};`);
  writer.raw(`const $impls = $rt.builtinsByName(${JSON.stringify(checked.intModStyle)});`);
  writer.raw('');
  writer.raw(INT_ARITHMETIC);
  writer.raw('');
  writer.raw('// Run state');
  writer.raw('let $host = null;');
  writer.raw('let $lim = 0;');
  writer.raw('let $max = 0;');
  writer.raw('let $checkDeadline = null;');
  writer.raw('let $wentDeep = false;');
  writer.raw(`let $countdown = ${DEADLINE_CHECK_INTERVAL};`);
  const globals = checked.globals.map((global) => globalVariable(global.qualifiedName));
  for (const global of globals) writer.raw(`let ${global};`);
  writer.raw('');
  writer.raw(RUN_GLUE);
  writer.raw('');

  // The functions were generated first (that is how the constants they use became known); they go after them.
  const constantLines = constants.lines();
  if (constantLines.length > 0) {
    writer.raw('// Types, built-ins and function values');
    for (const line of constantLines) writer.raw(line);
    writer.raw('');
  }
  writer.raw('// Functions');
  for (const lines of fast) {
    writer.addAll(0, lines);
    writer.raw('');
  }
  writer.raw('// Generator twins, for calls deeper than the JS stack budget');
  for (const lines of deep) {
    writer.addAll(0, lines);
    writer.raw('');
  }
  const byIndex = (pick: (unit: UnitPlan) => string): string => {
    const entries: string[] = new Array(lowered.units.length).fill('null');
    for (const unit of plan.units) entries[unit.index] = pick(unit);
    return `[${entries.join(', ')}]`;
  };
  writer.raw(`const $functions = ${byIndex((unit) => unit.name)};`);
  writer.raw(`const $deepFunctions = ${byIndex((unit) => deepEntry(unit))};`);
  writer.raw('');
  writer.raw('return {');
  writer.raw('  start(state) {');
  writer.raw('    $host = state.host;');
  writer.raw('    $lim = state.fastDepth;');
  writer.raw('    $max = state.maxFrames;');
  writer.raw('    $checkDeadline = state.checkDeadline;');
  writer.raw('    $wentDeep = false;');
  writer.raw(`    $countdown = ${DEADLINE_CHECK_INTERVAL};`);
  for (const global of globals) writer.raw(`    ${global} = undefined;`);
  writer.raw('  },');
  writer.raw('  wentDeep: () => $wentDeep,');
  writer.raw('  topLevel: $topLevel,');
  writer.raw(`  hasTopLevel: ${plan.topLevel.unit.body.length > 0},`);
  writer.raw(`  main: ${plan.main === null ? 'null' : plan.main.name},`);
  writer.raw(`  mainArity: ${plan.main === null ? 0 : plan.main.unit.params.length},`);
  writer.raw('};');
  writer.raw('})');
  return { source: writer.source(), lineTable: writer.lineTable() };
}

/** Module-level helpers that read the run state: depth limits, the deadline countdown, calls of function values. */
const RUN_GLUE = `function $enterDeep(generator, depth) {
  if (depth > $max) throw $rt.stackOverflow($max);
  $wentDeep = true;
  return $rt.runDeep(generator);
}
function $overflow() {
  throw $rt.stackOverflow($max);
}
function $tick() {
  if (--$countdown === 0) {
    $countdown = ${DEADLINE_CHECK_INTERVAL};
    $checkDeadline();
  }
}
function $callValue(callee, args, $d) {
  if (callee.kind !== 'fn') return $rt.callOther($host, $impls, callee, args);
  if ($d >= $lim) return $enterDeep($deepFunctions[callee.index](...args, $d + 1), $d + 1);
  return $functions[callee.index](...args, $d + 1);
}
function* $callValueDeep(callee, args, $d) {
  if (callee.kind !== 'fn') return $rt.callOther($host, $impls, callee, args);
  if ($d >= $max) $overflow();
  return yield $deepFunctions[callee.index](...args, $d + 1);
}`;

/** The expression that makes the generator of a unit called through a function value in deep mode. */
function deepEntry(unit: UnitPlan): string {
  const params = unit.unit.params.map((_param, index) => `p${index}`);
  if (unit.group !== null) {
    const member = unit.group.members.indexOf(unit);
    const padded = [...params, ...new Array<string>(unit.group.arity - params.length).fill('undefined')];
    return `(${[...params, '$d'].join(', ')}) => ${unit.group.name}$deep(${[member, ...padded, '$d'].join(', ')})`;
  }
  return `${unit.name}$deep`;
}

/**
 * A function (or `__top_level__`): parameters (and the depth), locals, the depth check, the body or its loop.
 *
 * A function whose body loops (it tail-calls itself) is two in fast mode: `name` does the depth check and calls
 * `name$body`, which holds the loop. Code before a loop runs once per call, and a function a run calls once has no
 * type feedback for its first call's prologue (V8 allocates feedback vectors lazily, mid-loop). V8 may optimise the
 * function from the loop's feedback while that first call still runs; the prologue's compare, never seen, then
 * deoptimises the next call, after which the function runs on its on-stack-replacement code, whose loop variables
 * stay boxed: a process in 2–4 was 3–4x slower (`record`, `newtype_variant`). A loop function with no prologue has
 * no such compare.
 */
function unitFunction(context: EmitContext, unit: UnitPlan, mode: 'fast' | 'deep'): CodeLine[] {
  const scope = new FunctionScope(context.plan);
  const emitter = new UnitEmitter(context, unit, mode, scope);
  const params = emitter.params();
  const body = emitter.body();
  const signature = unit.inlined ? params : [...params, '$d'];
  const split = mode === 'fast' && unit.selfLoop;
  const lines: CodeLine[] = [];
  if (mode === 'fast' && !unit.inlined) {
    if (split) lines.push({ depth: 0, text: `function ${unit.name}(${signature.join(', ')}) {` });
    lines.push(depthCheck(`${unit.name}$deep(${signature.join(', ')})`));
    if (split) {
      lines.push({ depth: 1, text: `return ${unit.name}$body(${signature.join(', ')});` });
      lines.push({ depth: 0, text: '}' }, { depth: 0, text: '' });
    }
  }
  const name =
    mode === 'deep' ? `function* ${unit.name}$deep` : `function ${unit.name}${split ? '$body' : ''}`;
  const header: CodeLine[] = [{ depth: 0, text: `${name}(${signature.join(', ')}) {` }];
  const declaration = scope.declaration();
  if (declaration !== null) header.push({ depth: 1, text: declaration });
  if (split) lines.push(...header);
  else lines.unshift(...header);
  if (unit.selfLoop) {
    lines.push({ depth: 1, text: '$loop: for (;;) {' });
    for (const line of body) lines.push({ depth: line.depth + 2, text: line.text });
    lines.push({ depth: 1, text: '}' });
  } else for (const line of body) lines.push({ depth: line.depth + 1, text: line.text });
  lines.push({ depth: 0, text: '}' });
  return lines;
}

/** The prologue of a fast function: past the JS stack budget, the call continues in `generator` on the heap. */
function depthCheck(generator: string): CodeLine {
  return { depth: 1, text: `if ($d > $lim) return $enterDeep(${generator}, $d);` };
}

/** The generator twin of a function the VM inlines: it makes no calls, so it runs at once. */
function leafDeepFunction(unit: UnitPlan): CodeLine[] {
  const args = unit.unit.params.map((_param, index) => `p${index}`).join(', ');
  return [
    { depth: 0, text: `function* ${unit.name}$deep(${args}) {` },
    { depth: 1, text: `return ${unit.name}(${args});` },
    { depth: 0, text: '}' },
  ];
}

/** The merged function of a tail group: one loop, a `case` per member. */
function groupFunction(context: EmitContext, group: TailGroup, mode: 'fast' | 'deep'): CodeLine[] {
  const scope = new FunctionScope(context.plan);
  const args = Array.from({ length: group.arity }, (_arg, index) => `$a${index}`);
  const signature = ['$fn', ...args, '$d'];
  const cases: CodeLine[] = [];
  group.members.forEach((member, index) => {
    const emitter = new UnitEmitter(context, member, mode, scope);
    const params = emitter.params();
    const body = emitter.body();
    cases.push({ depth: 0, text: `case ${index}: { // ${member.unit.name}` });
    params.forEach((param, slot) => {
      cases.push({ depth: 1, text: `${param} = $a${slot};` });
    });
    for (const line of body) cases.push({ depth: line.depth + 1, text: line.text });
    cases.push({ depth: 0, text: '}' });
  });
  const name = mode === 'fast' ? `function ${group.name}` : `function* ${group.name}$deep`;
  const lines: CodeLine[] = [{ depth: 0, text: `${name}(${signature.join(', ')}) {` }];
  const declaration = scope.declaration();
  if (declaration !== null) lines.push({ depth: 1, text: declaration });
  // No depth check here: the members' entries make it (see unitFunction on why a loop has no prologue).
  lines.push({ depth: 1, text: '$loop: for (;;) {' });
  lines.push({ depth: 2, text: 'switch ($fn) {' });
  for (const line of cases) lines.push({ depth: line.depth + 3, text: line.text });
  lines.push({ depth: 2, text: '}' });
  lines.push({ depth: 1, text: '}' });
  lines.push({ depth: 0, text: '}' });
  return lines;
}

/** A tail group member's own function: checks the depth and enters the group's loop at its case. */
function groupEntry(unit: UnitPlan, group: TailGroup): CodeLine[] {
  const params = unit.unit.params.map((param) => jsIdentifier(param.name));
  const member = group.members.indexOf(unit);
  const padded = [...params, ...new Array<string>(group.arity - params.length).fill('undefined')];
  const args = [member, ...padded, '$d'].join(', ');
  return [
    { depth: 0, text: `function ${unit.name}(${[...params, '$d'].join(', ')}) {` },
    depthCheck(`${group.name}$deep(${args})`),
    { depth: 1, text: `return ${group.name}(${args});` },
    { depth: 0, text: '}' },
  ];
}
