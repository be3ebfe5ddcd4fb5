import type { Call, Expr, MatchExpr, NameResolution, Pattern, Stmt } from '../src/ast.js';
import {
  BUILTIN_CONSTANTS,
  BUILTIN_INDEX,
  BUILTIN_RECORD_TYPES,
  BUILTINS,
  type BuiltinImpl,
  type HostContext,
  intModTruncated,
} from '../src/builtins/index.js';
import type { CheckedFunction, CheckedProgram } from '../src/checker/index.js';
import { displayValue } from '../src/display.js';
import { mapKeyOf, valuesEqual } from '../src/equality.js';
import { AverRuntimeError, matchFailure } from '../src/errors.js';
import { RuntimeMessages } from '../src/runtime-messages.js';
import {
  EMPTY_LIST,
  FunctionValue,
  ListValue,
  type MapEntry,
  MapValue,
  NONE,
  normalizeInt,
  type RecordType,
  RecordValue,
  type SumType,
  TupleValue,
  UNIT,
  type Value,
  VariantValue,
  VectorValue,
  WrapKind,
  WrapValue,
} from '../src/values.js';

/**
 * A reference evaluator for differential tests: a plain tree-walking interpreter over the *checked* AST (only the
 * checker's annotations: name resolutions, call targets, operand kinds; no pipeline pass runs), written
 * independently of the compiler and the VM. It shares the built-in implementations and the display with them,
 * and nothing else:
 *
 * - value semantics the slow, obvious way: every Vector and Map is marked shared before a built-in sees it, so
 *   `Vector.set`, `Map.set` and `Map.remove` always copy (no moves, no borrows, no in-place updates);
 * - no inlining, no scalar replacement, no fused forms, no buffered variants, no interpolation plans;
 * - Int arithmetic on exact bigints wrapped to i64 (`BigInt.asIntN`), not the VM's number fast paths;
 * - scopes are name → value maps; tail calls (any call in tail position) run in a loop so long tail-recursive
 *   loops do not grow the JS stack (non-tail recursion does, so keep it shallow).
 */

/** What a reference run produced: the value of `main` (Unit without one), the console lines, or the error. */
export interface ReferenceResult {
  readonly value: Value | null;
  readonly stdout: string[];
  readonly stderr: string[];
  /** The bare message of the runtime error that stopped the run (no line), or `null`. */
  readonly error: string | null;
}

/** Thrown by `?` / `?!` on an `Err`: the enclosing function returns it. */
class EarlyReturn {
  constructor(readonly value: Value) {}
}

/** A call in tail position, run by the caller's loop instead of a nested JS call. */
class TailCall {
  constructor(
    readonly fn: CheckedFunction,
    readonly args: Value[],
  ) {}
}

class Scope {
  private readonly vars = new Map<string, Value>();
  constructor(private readonly parent: Scope | null) {}

  get(name: string): Value {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const value = scope.vars.get(name);
      if (value !== undefined) return value;
    }
    throw new Error(`reference evaluator: unbound local '${name}'`);
  }

  set(name: string, value: Value): void {
    this.vars.set(name, value);
  }
}

/** Nested (non-tail) calls the evaluator allows; deeper recursion would overflow the JS stack. */
const MAX_DEPTH = 250;

/** Runs `__top_level__` statements, then `main()` (when the entry has one), like `runProgram`. */
export function evaluateReference(checked: CheckedProgram): ReferenceResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const host: HostContext = {
    writeOut: (line) => stdout.push(line),
    writeErr: (line) => stderr.push(line),
    readLine: () => null,
    args: [],
  };
  const evaluator = new Evaluator(checked, host);
  try {
    evaluator.runTopLevel();
    const main = checked.functions.get('main');
    let value: Value = UNIT;
    if (main !== undefined && main.module === null) {
      // `main` is called with no arguments (language reference: "Top-level items"): one that declares parameters
      // cannot run.
      const arity = main.decl.params.length;
      if (arity !== 0) throw new AverRuntimeError(RuntimeMessages.mainHasParameters(arity));
      value = evaluator.callFunction(main, []);
    }
    return { value, stdout, stderr, error: null };
  } catch (error) {
    if (error instanceof AverRuntimeError) return { value: null, stdout, stderr, error: error.message };
    throw error;
  }
}

class Evaluator {
  private readonly globals = new Map<string, Value>();
  private readonly recordTypes = new Map<string, RecordType>();
  private readonly sumTypes = new Map<string, SumType>();
  private readonly functionValues = new Map<string, FunctionValue>();
  private readonly builtinImpls: BuiltinImpl[];
  private depth = 0;

  constructor(
    private readonly checked: CheckedProgram,
    private readonly host: HostContext,
  ) {
    this.builtinImpls = BUILTINS.map((row) => row.impl);
    if (checked.intModStyle === 'truncated')
      this.builtinImpls[BUILTIN_INDEX.get('Int.mod')!] = intModTruncated;
    for (const [name, type] of checked.types) {
      const shortName = this.shortName(name);
      if (type.kind === 'record') {
        this.recordTypes.set(
          name,
          BUILTIN_RECORD_TYPES.get(name) ?? {
            name: shortName,
            fieldNames: type.fields.map((field) => field.name),
          },
        );
      } else {
        this.sumTypes.set(name, {
          name: shortName,
          variants: type.variants.map((variant) => ({ name: variant.name, arity: variant.fields.length })),
        });
      }
    }
  }

  runTopLevel(): void {
    const names = new Map(this.checked.globals.map((global) => [global.stmt as Stmt, global.qualifiedName]));
    const scope = new Scope(null);
    for (const entry of this.checked.topLevel) {
      const stmt = entry.stmt;
      if (stmt.kind === 'ExprStmt') {
        this.eval(stmt.expr, scope);
        continue;
      }
      const value = this.eval(stmt.value, scope);
      const name = names.get(stmt);
      if (name !== undefined) this.globals.set(name, value);
    }
  }

  /** Calls a user function; tail calls in its body (and theirs) are run here, in a loop. */
  callFunction(fn: CheckedFunction, args: Value[]): Value {
    if (++this.depth > MAX_DEPTH)
      throw new Error('reference evaluator: recursion too deep for a test program');
    try {
      let current = fn;
      let currentArgs = args;
      for (;;) {
        let result: Value | TailCall;
        try {
          result = this.body(current, currentArgs);
        } catch (signal) {
          if (signal instanceof EarlyReturn) return signal.value;
          throw signal;
        }
        if (!(result instanceof TailCall)) return result;
        current = result.fn;
        currentArgs = result.args;
      }
    } finally {
      this.depth--;
    }
  }

  private body(fn: CheckedFunction, args: Value[]): Value | TailCall {
    const scope = new Scope(null);
    for (const [index, param] of fn.decl.params.entries()) scope.set(param.name, args[index]);
    const body = fn.decl.body;
    for (let i = 0; i < body.length - 1; i++) this.stmt(body[i], scope);
    const last = body[body.length - 1];
    if (last === undefined) return UNIT;
    if (last.kind === 'ExprStmt') return this.tail(last.expr, scope);
    this.stmt(last, scope);
    return UNIT;
  }

  private stmt(stmt: Stmt, scope: Scope): void {
    if (stmt.kind === 'ExprStmt') {
      this.eval(stmt.expr, scope);
      return;
    }
    const value = this.eval(stmt.value, scope);
    if (stmt.name !== '_') scope.set(stmt.name, value);
  }

  /** An expression in tail position: a call of a user function becomes a `TailCall` for the caller's loop. */
  private tail(expr: Expr, scope: Scope): Value | TailCall {
    if (expr.kind === 'Match') {
      const { arm, armScope } = this.chooseArm(expr, scope);
      return this.tail(arm.body, armScope);
    }
    if (expr.kind === 'Call') {
      const target = expr.target;
      if (target?.kind === 'function') {
        const args = expr.args.map((arg) => this.eval(arg, scope));
        return new TailCall(this.functionNamed(target.qualifiedName), args);
      }
      if (target?.kind === 'value') {
        const callee = this.eval(expr.callee, scope);
        const args = expr.args.map((arg) => this.eval(arg, scope));
        if (callee instanceof FunctionValue && callee.kind === 'fn')
          return new TailCall(this.functionNamed(callee.name), args);
        return this.callValue(callee, args);
      }
    }
    return this.eval(expr, scope);
  }

  private eval(expr: Expr, scope: Scope): Value {
    switch (expr.kind) {
      case 'IntLit':
        return normalizeInt(expr.value);
      case 'FloatLit':
      case 'StringLit':
      case 'BoolLit':
        return expr.value;
      case 'UnitLit':
        return UNIT;
      case 'Interp': {
        let text = '';
        for (const part of expr.parts) {
          if (part.kind === 'Text') text += part.value;
          else text += displayValue(this.eval(part.expr, scope)) ?? 'Unit';
        }
        return text;
      }
      case 'Ident':
        return this.name(expr.resolution, scope, expr.name);
      case 'Member': {
        const resolution = expr.resolution;
        if (resolution?.kind === 'field') {
          const record = this.eval(expr.object, scope) as RecordValue;
          return record.fields[resolution.index];
        }
        return this.name(resolution, scope, expr.name);
      }
      case 'Call':
        return this.call(expr, scope);
      case 'Binary':
        return this.binary(expr, scope);
      case 'Negate': {
        const operand = this.eval(expr.operand, scope);
        if (expr.operandKind === 'Float') return 0 - (operand as number);
        return wrapInt(0n - big(operand));
      }
      case 'Tuple':
        return new TupleValue(expr.items.map((item) => this.eval(item, scope)));
      case 'List': {
        const items = expr.items.map((item) => this.eval(item, scope));
        let list = EMPTY_LIST;
        for (let i = items.length - 1; i >= 0; i--) list = new ListValue(items[i], list, list.length + 1);
        return list;
      }
      case 'Map': {
        const table = new Map<unknown, MapEntry>();
        for (const entry of expr.entries) {
          const key = this.eval(entry.key, scope);
          const value = this.eval(entry.value, scope);
          table.set(mapKeyOf(key), { key, value });
        }
        return new MapValue(table);
      }
      case 'Match': {
        const { arm, armScope } = this.chooseArm(expr, scope);
        return this.eval(arm.body, armScope);
      }
      case 'Try': {
        const result = this.eval(expr.expr, scope) as WrapValue;
        if (result.wrap === WrapKind.Ok) return result.value;
        throw new EarlyReturn(result);
      }
      case 'Product': {
        const items = expr.items.map((item) => this.eval(item, scope));
        if (!expr.unwrap) return new TupleValue(items);
        for (const item of items) if ((item as WrapValue).wrap !== WrapKind.Ok) throw new EarlyReturn(item);
        return new TupleValue(items.map((item) => (item as WrapValue).value));
      }
      default:
        throw new Error(`reference evaluator: unknown expression ${(expr as Expr).kind}`);
    }
  }

  private name(resolution: NameResolution | undefined, scope: Scope, written: string): Value {
    switch (resolution?.kind) {
      case 'local':
        return scope.get(resolution.name);
      case 'function':
        return this.functionValue(resolution.qualifiedName);
      case 'builtin':
        return this.builtinValue(resolution.name);
      case 'variant':
        return this.variantValue(resolution.typeName, resolution.variant);
      case 'constant':
        return BUILTIN_CONSTANTS.get(resolution.name)!.value;
      case 'global': {
        const value = this.globals.get(resolution.qualifiedName);
        // A top-level statement that calls a function reading a later binding (a direct read is a checker error).
        if (value === undefined) throw new AverRuntimeError(RuntimeMessages.globalReadTooEarly());
        return value;
      }
      default:
        throw new Error(`reference evaluator: unresolved name '${written}'`);
    }
  }

  private call(call: Call, scope: Scope): Value {
    const target = call.target;
    switch (target?.kind) {
      case 'function': {
        const args = call.args.map((arg) => this.eval(arg, scope));
        return this.callFunction(this.functionNamed(target.qualifiedName), args);
      }
      case 'builtin': {
        const args = call.args.map((arg) => this.eval(arg, scope));
        return this.callBuiltin(BUILTIN_INDEX.get(target.name)!, args);
      }
      case 'variant': {
        const args = call.args.map((arg) => this.eval(arg, scope));
        return this.construct(target.typeName, target.variant, args);
      }
      case 'record': {
        const values = call.named.map((arg) => this.eval(arg.value, scope));
        const fields = target.fieldOrder.map((namedIndex) => values[namedIndex]);
        return new RecordValue(this.recordTypes.get(target.typeName)!, fields);
      }
      case 'recordUpdate': {
        const base = this.eval(call.args[0], scope) as RecordValue;
        const values = call.named.map((arg) => this.eval(arg.value, scope));
        const fields = base.fields.slice();
        target.fieldIndexes.forEach((fieldIndex, namedIndex) => {
          fields[fieldIndex] = values[namedIndex];
        });
        return new RecordValue(base.type, fields);
      }
      case 'value': {
        const callee = this.eval(call.callee, scope);
        const args = call.args.map((arg) => this.eval(arg, scope));
        return this.callValue(callee, args);
      }
      default:
        throw new Error('reference evaluator: call without a target');
    }
  }

  private callValue(callee: Value, args: Value[]): Value {
    const fn = callee as FunctionValue;
    switch (fn.kind) {
      case 'fn':
        return this.callFunction(this.functionNamed(fn.name), args);
      case 'builtin':
        return this.callBuiltin(fn.index, args);
      default:
        if (fn.sumType === null) return new WrapValue(fn.index as WrapKind, args[0]);
        return new VariantValue(fn.sumType, fn.index, args);
    }
  }

  /** A built-in on values that are all marked shared, so it can never update one of them in place. */
  private callBuiltin(index: number, args: Value[]): Value {
    for (const arg of args) if (arg instanceof VectorValue || arg instanceof MapValue) arg.shared = true;
    return this.builtinImpls[index](this.host, args[0], args[1], args[2], args[3]);
  }

  private construct(typeName: string, variant: string, args: Value[]): Value {
    if (typeName === 'Result') return new WrapValue(variant === 'Ok' ? WrapKind.Ok : WrapKind.Err, args[0]);
    if (typeName === 'Option') return new WrapValue(WrapKind.Some, args[0]);
    const sum = this.sumTypes.get(typeName)!;
    return new VariantValue(sum, this.tagOf(sum, variant), args);
  }

  private binary(expr: Extract<Expr, { kind: 'Binary' }>, scope: Scope): Value {
    const left = this.eval(expr.left, scope);
    const right = this.eval(expr.right, scope);
    const kind = expr.operandKind;
    switch (kind) {
      case 'Int': {
        const a = big(left);
        const b = big(right);
        switch (expr.op) {
          case '+':
            return wrapInt(a + b);
          case '-':
            return wrapInt(a - b);
          case '*':
            return wrapInt(a * b);
          case '/':
            if (b === 0n) throw new AverRuntimeError(RuntimeMessages.divisionByZero());
            return wrapInt(a / b);
          default:
            return compare(expr.op, a < b ? -1 : a > b ? 1 : 0);
        }
      }
      case 'Float': {
        const a = left as number;
        const b = right as number;
        switch (expr.op) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return a / b;
          case '==':
            return a === b || (Number.isNaN(a) && Number.isNaN(b));
          case '!=':
            return !(a === b || (Number.isNaN(a) && Number.isNaN(b)));
          case '<':
            return a < b;
          case '<=':
            return a <= b;
          case '>':
            return a > b;
          default:
            return a >= b;
        }
      }
      case 'String':
        if (expr.op === '+') return (left as string) + (right as string);
        return compare(expr.op, codePointOrder(left as string, right as string));
      default:
        if (expr.op === '==') return valuesEqual(left, right);
        if (expr.op === '!=') return !valuesEqual(left, right);
        throw new Error(`reference evaluator: operator ${expr.op} on ${kind}`);
    }
  }

  private chooseArm(match: MatchExpr, scope: Scope): { arm: MatchExpr['arms'][number]; armScope: Scope } {
    const subject = this.eval(match.subject, scope);
    for (const arm of match.arms) {
      const armScope = new Scope(scope);
      if (this.bind(arm.pattern, subject, armScope)) return { arm, armScope };
    }
    throw matchFailure(match.span.line);
  }

  /** Tests `pattern` against `value`, binding its names in `scope`; false when it does not match. */
  private bind(pattern: Pattern, value: Value, scope: Scope): boolean {
    switch (pattern.kind) {
      case 'WildcardPattern':
        return true;
      case 'BindPattern':
        scope.set(pattern.name, value);
        return true;
      case 'LiteralPattern': {
        const literal = pattern.literal;
        if (literal.kind === 'IntLit') return big(value) === BigInt.asIntN(64, literal.value);
        return valuesEqual(value, literal.value);
      }
      case 'NilPattern':
        return (value as ListValue).length === 0;
      case 'ConsPattern': {
        const list = value as ListValue;
        if (list.length === 0) return false;
        if (pattern.head !== '_') scope.set(pattern.head, list.head);
        if (pattern.tail !== '_') scope.set(pattern.tail, list.tail!);
        return true;
      }
      case 'TuplePattern': {
        const items = (value as TupleValue).items;
        return pattern.items.every((item, index) => this.bind(item, items[index], scope));
      }
      case 'ConstructorPattern': {
        const { typeName, variant } = pattern.resolution!;
        let payload: readonly Value[];
        if (typeName === 'Option' || typeName === 'Result') {
          if (variant === 'None') return value === NONE;
          const wrap = variant === 'Ok' ? WrapKind.Ok : variant === 'Err' ? WrapKind.Err : WrapKind.Some;
          if (!(value instanceof WrapValue) || value.wrap !== wrap) return false;
          payload = [value.value];
        } else {
          const variantValue = value as VariantValue;
          if (variantValue.tag !== this.tagOf(this.sumTypes.get(typeName)!, variant)) return false;
          payload = variantValue.fields;
        }
        (pattern.binders ?? []).forEach((binder, index) => {
          if (binder !== '_') scope.set(binder, payload[index]);
        });
        return true;
      }
      default:
        throw new Error(`reference evaluator: unknown pattern ${(pattern as Pattern).kind}`);
    }
  }

  private functionNamed(name: string): CheckedFunction {
    const fn = this.checked.functions.get(name);
    if (fn === undefined) throw new Error(`reference evaluator: unknown function '${name}'`);
    return fn;
  }

  private functionValue(name: string): FunctionValue {
    let value = this.functionValues.get(name);
    if (value === undefined) {
      value = new FunctionValue('fn', name, -1);
      this.functionValues.set(name, value);
    }
    return value;
  }

  private builtinValue(name: string): FunctionValue {
    const key = `builtin ${name}`;
    let value = this.functionValues.get(key);
    if (value === undefined) {
      value = new FunctionValue('builtin', name, BUILTIN_INDEX.get(name)!);
      this.functionValues.set(key, value);
    }
    return value;
  }

  private variantValue(typeName: string, variant: string): Value {
    if (typeName === 'Option' && variant === 'None') return NONE;
    const key = `ctor ${typeName}.${variant}`;
    let value = this.functionValues.get(key);
    if (value !== undefined) return value;
    if (typeName === 'Option' || typeName === 'Result') {
      const wrap = variant === 'Ok' ? WrapKind.Ok : variant === 'Err' ? WrapKind.Err : WrapKind.Some;
      value = new FunctionValue('ctor', `${typeName}.${variant}`, wrap, null);
    } else {
      const sum = this.sumTypes.get(typeName)!;
      const tag = this.tagOf(sum, variant);
      if (sum.variants[tag].arity === 0) return new VariantValue(sum, tag, []);
      value = new FunctionValue('ctor', `${sum.name}.${variant}`, tag, sum);
    }
    this.functionValues.set(key, value);
    return value;
  }

  private tagOf(sum: SumType, variant: string): number {
    return sum.variants.findIndex((candidate) => candidate.name === variant);
  }

  /** `Data.Shapes.Shape` → `Shape`: the declared name without its module path. */
  private shortName(qualified: string): string {
    for (const module of this.checked.order) {
      if (qualified.startsWith(`${module}.`)) return qualified.slice(module.length + 1);
    }
    return qualified;
  }
}

function big(value: Value): bigint {
  return typeof value === 'bigint' ? value : BigInt(value as number);
}

/** An exact result wrapped to i64, in the runtime's canonical Int form. */
function wrapInt(value: bigint): Value {
  const wrapped = BigInt.asIntN(64, value);
  return wrapped >= -9007199254740991n && wrapped <= 9007199254740991n ? Number(wrapped) : wrapped;
}

function compare(op: string, order: number): boolean {
  switch (op) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

/** Orders two strings by code point (UTF-8 byte order), not by UTF-16 unit. */
function codePointOrder(a: string, b: string): number {
  const x = Array.from(a, (char) => char.codePointAt(0)!);
  const y = Array.from(b, (char) => char.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}
