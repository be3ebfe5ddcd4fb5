import {
  BORROWING_BUILTINS,
  BUFFER_PARAM,
  BufferIntrinsic,
  type Call,
  type CallTarget,
  type CheckedProgram,
  type Construction,
  constructionOf,
  type Expr,
  FRESH_OWNED_RESULTS,
  type Ident,
  type InterpString,
  isOwnedType,
  type Member,
  type NameResolution,
  normalizeInt,
  onlyTakenApart,
  readsSlot,
  setOrKeepShape,
  type Stmt,
  type Type,
} from '@aver/vm-runtime';
import { type CodeLine, hasLineMark, lineMark } from './code-writer.js';
import { JsCompileError } from './compile-error.js';
import { NameScope } from './js-names.js';
import { emitMatch, type MatchDestination } from './match-emitter.js';
import { type ModuleConstants, wrapKindOf } from './module-constants.js';
import type { ModulePlan, UnitPlan } from './module-plan.js';

/** Program-wide facts every unit emitter reads. */
export interface EmitContext {
  readonly plan: ModulePlan;
  readonly checked: CheckedProgram;
  readonly types: Map<Expr, Type>;
  readonly constants: ModuleConstants;
  /** Emit the deadline's call countdown (`$tick()`) at every call and tail call. */
  readonly deadline: boolean;
}

/**
 * The names of one JS function: its locals (one variable per `slot:name` pair; a slot is reused by unrelated
 * binders across arms) and temporaries, declared at its top. The members of a tail group share one.
 */
export class FunctionScope {
  readonly names: NameScope;
  readonly locals = new Map<string, string>();
  readonly declared: string[] = [];

  constructor(plan: ModulePlan) {
    this.names = new NameScope(plan.moduleNames);
    for (const name of ['$d', '$fn', '$loop']) this.names.reserve(name);
    const arity = Math.max(0, ...plan.units.map((unit) => unit.unit.params.length));
    for (let i = 0; i < arity; i++) this.names.reserve(`$a${i}`);
  }

  /** `let a, b;` for the declared variables, or nothing. */
  declaration(): string | null {
    return this.declared.length === 0 ? null : `let ${this.declared.join(', ')};`;
  }
}

/** Compiled JS for an expression: its code, and whether it may move past other code (no effect, no failure). */
export interface Js {
  readonly code: string;
  readonly pure: boolean;
}

const pure = (code: string): Js => ({ code, pure: true });
const impure = (code: string): Js => ({ code, pure: false });

/** Option-returning built-ins and their unboxed helpers (payload or `undefined`). */
const UNBOXED_OPTION_BUILTINS: Readonly<Record<string, string>> = {
  'String.charAt': '$charAtOrUndefined',
  'Vector.get': '$vectorGetOrUndefined',
  'Map.get': '$mapGetOrUndefined',
};

/** An Int literal in its runtime form: a number while safe, else a canonical bigint literal. */
export function intLiteral(value: bigint): string {
  const canonical = normalizeInt(value);
  if (typeof canonical === 'bigint') return `${canonical}n`;
  return canonical < 0 ? `(${canonical})` : String(canonical);
}

/** A Float literal (always finite in source; `-0` only from folding). */
function floatLiteral(value: number): string {
  if (Object.is(value, -0)) return '(-0)';
  return value < 0 ? `(${value})` : String(value);
}

/**
 * Compiles one code unit to the body of a JS function, in one of two modes: `fast` (plain calls, each with the
 * callee's depth `$d + 1`) or `deep` (a generator: every Aver call yields the callee's generator to `runDeep`, so the
 * JS stack stays flat however deep the recursion goes). Both follow the VM compiler construct for construct: the
 * same evaluation order, the same ownership decisions for Vector and Map values (moves at a last use, shares
 * otherwise), tail calls as loops, and line marks on every token that can fail so errors report the VM's lines.
 *
 * Expressions become JS expressions; constructs that need statements (`match` in value position, `?`, `?!`) write
 * them to the current block first and leave a temporary, and `operands` keeps left-to-right evaluation by moving
 * earlier operands into temporaries when a later one writes statements.
 */
export class UnitEmitter {
  /** The current block's lines (relative depth). */
  private block: CodeLine[] = [];
  private depth = 0;
  readonly unit: UnitPlan;
  private readonly scope: FunctionScope;
  /**
   * Locals never built (scalar replacement, as in the VM compiler): a record or variant construction whose local is
   * only taken apart afterwards keeps its components in variables of their own, by field or payload position.
   */
  private readonly known = new Map<number, { construction: Construction; components: string[] }>();

  constructor(
    readonly context: EmitContext,
    unit: UnitPlan,
    readonly mode: 'fast' | 'deep',
    scope: FunctionScope = new FunctionScope(context.plan),
  ) {
    this.unit = unit;
    this.scope = scope;
  }

  get names(): NameScope {
    return this.scope.names;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Blocks, locals, temporaries

  /** Appends a line to the current block. */
  line(text: string): void {
    this.block.push({ depth: this.depth, text });
  }

  /** Runs `body` with its lines collected into a nested block one level deeper, and returns them. */
  nested(body: () => void): CodeLine[] {
    const saved = this.block;
    const savedDepth = this.depth;
    this.block = [];
    this.depth = 0;
    body();
    const lines = this.block;
    this.block = saved;
    this.depth = savedDepth;
    return lines;
  }

  /** Appends the lines of a nested block at one level deeper than the current depth. */
  append(lines: readonly CodeLine[], extra = 1): void {
    for (const line of lines) this.block.push({ depth: this.depth + extra + line.depth, text: line.text });
  }

  /** The JS variable of local `name` in `slot` (declared at the top of the function). */
  local(slot: number, name: string): string {
    const key = `${slot}:${name}`;
    let variable = this.scope.locals.get(key);
    if (variable === undefined) {
      variable = this.names.fresh(name === BUFFER_PARAM ? '$buffer' : name);
      this.scope.locals.set(key, variable);
      const param = this.unit.unit.params[slot];
      const isParam = param !== undefined && param.name === name && this.unit.group === null;
      if (!isParam) this.scope.declared.push(variable);
    }
    return variable;
  }

  /** A fresh temporary (declared at the top of the function). */
  temp(base = '$t'): string {
    const name = this.names.fresh(base);
    this.scope.declared.push(name);
    return name;
  }

  /** Names the parameters (slots `0..arity`), in order. */
  params(): string[] {
    return this.unit.unit.params.map((param, slot) => this.local(slot, param.name));
  }

  typeOf(expr: Expr): Type | undefined {
    return this.context.types.get(expr);
  }

  fail(what: string, at: { readonly span: { readonly line: number } }): never {
    throw new JsCompileError(what, at.span.line);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Bodies and statements

  /** Emits the unit's body (`function`, `buffered`) or statements (`topLevel`); the lines are the function's. */
  body(): CodeLine[] {
    return this.nested(() => {
      const body = this.unit.unit.body;
      if (this.unit.unit.kind === 'topLevel') {
        for (const stmt of body) this.stmt(stmt);
        this.line('return $UNIT;');
        return;
      }
      for (let i = 0; i < body.length - 1; i++) this.stmt(body[i], body.slice(i + 1));
      const last = body[body.length - 1];
      if (last?.kind === 'ExprStmt') this.tail(last.expr);
      else {
        if (last !== undefined) this.stmt(last);
        this.line('return $UNIT;');
      }
    });
  }

  /**
   * A statement: a binding (a local, or a global of `__top_level__`) or an expression whose value is dropped. `rest`
   * are the statements after it in a function body: a binding that they only take apart is scalar-replaced.
   */
  stmt(stmt: Stmt, rest: readonly Stmt[] = []): void {
    const mark = lineMark(stmt.span.line);
    if (stmt.kind === 'ExprStmt') {
      const value = this.expr(stmt.expr);
      if (!value.pure) this.line(`${mark}${value.code};`);
      return;
    }
    if (stmt.slot !== undefined && this.unit.unit.kind !== 'topLevel' && this.scalarReplace(stmt, rest))
      return;
    const value = this.expr(stmt.value);
    if (stmt.slot !== undefined) {
      this.line(`${mark}${this.local(stmt.slot, stmt.name)} = ${value.code};`);
      return;
    }
    const global = this.context.checked.globals.find((candidate) => candidate.stmt === stmt);
    if (global !== undefined && this.unit.unit.kind === 'topLevel') {
      this.line(`${mark}${globalVariable(global.qualifiedName)} = $markShared(${value.code});`);
    } else if (!value.pure) this.line(`${mark}${value.code};`);
  }

  /**
   * Scalar replacement: when a binding's value builds a record or variant and the statements after it only take
   * the local apart (`x.f`, `match x` on constructors), its components are evaluated in source order into variables
   * of their own (`p$x`, `m$0`) and the value is never built. Returns false, emitting nothing, otherwise.
   */
  private scalarReplace(stmt: Extract<Stmt, { kind: 'Binding' }>, rest: readonly Stmt[]): boolean {
    const construction = constructionOf(stmt.value);
    if (construction === null || !onlyTakenApart(stmt.slot!, rest)) return false;
    const mark = lineMark(stmt.span.line);
    const values = this.operands(construction.components);
    const fieldNames =
      construction.kind === 'record'
        ? (
            this.context.checked.types.get(construction.typeName) as
              | { fields: { name: string }[] }
              | undefined
          )?.fields
        : undefined;
    const components: string[] = new Array(values.length);
    values.forEach((value, index) => {
      const position = construction.positions[index];
      const variable = this.temp(`${stmt.name}$${fieldNames?.[position]?.name ?? position}`);
      this.line(`${mark}${variable} = ${value.code};`);
      components[position] = variable;
    });
    this.known.set(stmt.slot!, { construction, components });
    return true;
  }

  /** The scalar-replaced value `expr` reads, when it is a read of such a local. */
  knownValue(expr: Expr): { construction: Construction; components: string[] } | undefined {
    return expr.kind === 'Ident' && expr.slot !== undefined ? this.known.get(expr.slot) : undefined;
  }

  /** `expr` in tail position: the emitted code returns (or tail-calls) itself. */
  tail(expr: Expr): void {
    if (expr.kind === 'Match') {
      emitMatch(this, expr, { kind: 'return' });
      return;
    }
    if (expr.kind === 'Call') {
      if (expr.lowered !== undefined) {
        this.tail(expr.lowered);
        return;
      }
      const target = expr.target;
      if (expr.tail === true && target?.kind === 'function') {
        this.tailCall(expr, target.qualifiedName);
        return;
      }
      if (target?.kind === 'builtin' && target.name === BufferIntrinsic.sequence) {
        const first = this.expr(expr.args[0]);
        if (!first.pure) this.line(`${lineMark(expr.span.line)}${first.code};`);
        this.tail(expr.args[1]);
        return;
      }
    }
    this.line(`${lineMark(expr.span.line)}return ${parenthesized(this.expr(expr).code)};`);
  }

  /** Where a `match` arm's value goes: returned (tail position) or assigned to a temporary. */
  armBody(body: Expr, destination: MatchDestination): void {
    if (destination.kind === 'return') this.tail(body);
    else this.line(`${lineMark(body.span.line)}${destination.variable} = ${this.expr(body).code};`);
  }

  /**
   * A tail call to the unit itself or to another member of its tail group: the arguments are evaluated left to right,
   * the parameters overwritten, and the loop restarts; constant stack, like the VM's `TAIL_CALL_SELF`/`TAIL_CALL`.
   */
  private tailCall(call: Call, callee: string): void {
    const mark = lineMark(call.span.line);
    const args = this.operands(call.args);
    const group = this.unit.group;
    if (this.context.deadline) this.line(`${mark}$tick();`);
    if (group === null) {
      if (callee !== this.unit.unit.name) this.fail(`tail call to '${callee}' outside a tail group`, call);
      const params = this.params();
      const late: [string, string][] = [];
      args.forEach((arg, index) => {
        if (arg.code === params[index]) return;
        const source = call.args[index];
        if (source.kind === 'Ident' && source.slot === index && this.known.get(index) === undefined) {
          // The parameter passed on as itself: only a sharing read's flag needs setting.
          if (!arg.pure) this.line(`${arg.code};`);
          return;
        }
        const readLater = call.args.slice(index + 1).some((later) => readsSlot(later, index));
        if (!readLater) {
          this.line(`${params[index]} = ${arg.code};`);
          return;
        }
        const saved = this.temp();
        this.line(`${saved} = ${arg.code};`);
        late.push([params[index], saved]);
      });
      for (const [param, saved] of late) this.line(`${param} = ${saved};`);
      this.line('continue $loop;');
      return;
    }
    const member = group.members.findIndex((candidate) => candidate.unit.name === callee);
    if (member < 0) this.fail(`tail call to '${callee}' outside its tail group`, call);
    args.forEach((arg, index) => {
      this.line(`$a${index} = ${arg.code};`);
    });
    this.line(`$fn = ${member};`);
    this.line('continue $loop;');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Expressions

  /**
   * Compiles `exprs` in order. When a later one writes statements, each earlier one that is not pure is saved to a
   * temporary first, so evaluation stays left to right.
   */
  operands(exprs: readonly Expr[], given: (expr: Expr, index: number) => Js | null = () => null): Js[] {
    const out: Js[] = [];
    for (const [index, expr] of exprs.entries()) {
      let result: Js = given(expr, index) ?? pure('');
      const lines = this.nested(() => {
        if (result.code === '') result = this.expr(expr);
      });
      if (lines.length > 0) {
        out.forEach((earlier, index) => {
          if (earlier.pure) return;
          const saved = this.temp();
          this.line(`${saved} = ${earlier.code};`);
          out[index] = pure(saved);
        });
        this.append(lines, 0);
      }
      out.push(result);
    }
    return out;
  }

  /** Compiles `expr` to a JS expression (statements it needs go to the current block). */
  expr(expr: Expr): Js {
    const mark = lineMark(expr.span.line);
    switch (expr.kind) {
      case 'IntLit':
        return pure(intLiteral(expr.value));
      case 'FloatLit':
        return pure(floatLiteral(expr.value));
      case 'StringLit':
        return pure(JSON.stringify(expr.value));
      case 'BoolLit':
        return pure(String(expr.value));
      case 'UnitLit':
        return pure('$UNIT');
      case 'Interp':
        return this.interpolation(expr);
      case 'Ident':
        return this.name(expr, expr.resolution);
      case 'Member':
        if (expr.resolution?.kind === 'field') return this.field(expr, expr.resolution.index);
        return this.name(expr, expr.resolution);
      case 'Call':
        return this.call(expr);
      case 'Binary':
        return this.binary(expr);
      case 'Negate':
        return this.negate(expr);
      case 'Tuple': {
        const items = this.operands(expr.items);
        return impure(`new $TupleValue([${codes(items)}])`);
      }
      case 'List': {
        if (expr.items.length === 0) return pure('$EMPTY_LIST');
        const items = this.operands(expr.items);
        return impure(items.reduceRight((list, item) => `$cons(${item.code}, ${list})`, '$EMPTY_LIST'));
      }
      case 'Map': {
        if (expr.entries.length === 0) return pure('$EMPTY_MAP');
        const parts = this.operands(expr.entries.flatMap((entry) => [entry.key, entry.value]));
        return impure(`${mark}$mapOf([${codes(parts)}])`);
      }
      case 'Match': {
        const variable = this.temp('$match');
        emitMatch(this, expr, { kind: 'assign', variable });
        return pure(variable);
      }
      case 'Try': {
        const result = this.temp('$result');
        this.line(`${result} = ${this.expr(expr.expr).code};`);
        this.line(`if (${result}.wrap !== 0) return ${result};`);
        return pure(`${result}.value`);
      }
      case 'Product': {
        const items = this.operands(expr.items);
        if (!expr.unwrap) return impure(`new $TupleValue([${codes(items)}])`);
        const results = this.temp('$results');
        const failed = this.temp('$failed');
        this.line(`${results} = [${codes(items)}];`);
        this.line(`${failed} = $firstErr(${results});`);
        this.line(`if (${failed} !== null) return ${failed};`);
        return impure(`$unwrapAll(${results})`);
      }
      default:
        return this.fail(`unknown expression ${(expr as Expr).kind}`, expr);
    }
  }

  private interpolation(expr: InterpString): Js {
    const segments =
      expr.lowered?.segments ??
      expr.parts.map((part) =>
        part.kind === 'Text'
          ? { kind: 'text' as const, value: part.value }
          : { kind: 'value' as const, expr: part.expr, display: 'value' as const },
      );
    const values = this.operands(
      segments.flatMap((segment) => (segment.kind === 'value' ? [segment.expr] : [])),
    );
    let next = 0;
    const pieces = segments.map((segment) => {
      if (segment.kind === 'text') return JSON.stringify(segment.value);
      const value = values[next++].code;
      switch (segment.display) {
        case 'raw':
          return value;
        case 'int':
          return `String(${value})`;
        case 'float':
          return `$formatFloat(${value})`;
        default:
          return `$interpolationText(${value})`;
      }
    });
    if (pieces.length === 0) return pure('""');
    if (pieces.length === 1) return impure(segments[0].kind === 'text' ? pieces[0] : `${pieces[0]}`);
    return impure(`${lineMark(expr.span.line)}$checkedString(${pieces.join(' + ')})`);
  }

  /** A name in value position: a local, a function or built-in value, a constructor, a global. */
  private name(expr: Ident | Member, resolution: NameResolution | undefined): Js {
    const line = expr.span.line;
    const constants = this.context.constants;
    switch (resolution?.kind) {
      case 'local':
        return this.readLocal(expr as Ident);
      case 'function':
        return pure(constants.functionValue(resolution.qualifiedName, line));
      case 'builtin':
        return pure(constants.builtinValue(resolution.name, line));
      case 'variant':
        return pure(constants.constructorValue(resolution.typeName, resolution.variant, line));
      case 'constant':
        return pure(constants.builtinConstant(resolution.name, line));
      case 'global':
        return impure(`${lineMark(line)}$readGlobal(${globalVariable(resolution.qualifiedName)})`);
      default:
        return this.fail(`unresolved name '${expr.name}'`, expr);
    }
  }

  /** A local read: a move at the last read of a Vector or Map, a sharing read before it, a plain read otherwise. */
  readLocal(ident: Ident): Js {
    if (ident.slot === undefined) this.fail(`local '${ident.name}' has no slot`, ident);
    const variable = this.local(ident.slot, ident.name);
    if (!isOwnedType(this.typeOf(ident)) || ident.lastUse === true) return pure(variable);
    return impure(`$share(${variable})`);
  }

  /** `record.field`; a Vector or Map taken out of a record that stays alive is marked shared. */
  private field(member: Member, index: number): Js {
    const owned = isOwnedType(this.typeOf(member));
    const known = this.knownValue(member.object);
    if (known !== undefined) {
      const component = known.components[index];
      return owned ? impure(`$share(${component})`) : pure(component);
    }
    const built = constructionOf(member.object);
    if (built !== null) {
      // `R(f = a, g = b).g`: every field is evaluated, in order; the one read is kept (the VM's code).
      const values = this.operands(built.components);
      const selected = built.positions.indexOf(index);
      let read = values[selected].code;
      if (values.some((value, position) => position !== selected && !value.pure)) {
        read = this.temp();
        values.forEach((value, position) => {
          if (position === selected) this.line(`${read} = ${value.code};`);
          else if (!value.pure) this.line(`${value.code};`);
        });
      }
      return owned ? impure(`$share(${read})`) : impure(read);
    }
    const object = this.expr(member.object);
    const read = `${object.code}.fields[${index}]`;
    return owned ? impure(`$share(${read})`) : impure(read);
  }

  private call(call: Call): Js {
    if (call.lowered !== undefined) return this.expr(call.lowered);
    const target = call.target;
    if (target === undefined) return this.fail('call without a resolved target', call);
    switch (target.kind) {
      case 'function':
        return this.functionCall(call, target.qualifiedName);
      case 'builtin':
        return this.builtinCall(call, target.name);
      case 'variant':
        return this.construct(call, target);
      case 'record':
        return this.record(call, target);
      case 'recordUpdate': {
        const [base, ...values] = this.operands([call.args[0], ...call.named.map((arg) => arg.value)]);
        const indexes = target.fieldIndexes.join(', ');
        return impure(`$updateRecord(${base.code}, [${indexes}], [${codes(values)}])`);
      }
      case 'value':
        return this.valueCall(call);
      default:
        return this.fail(`unknown call target ${(target as CallTarget).kind}`, call);
    }
  }

  /** A direct call of an Aver function (inlined calls open no frame, like the VM's inlining). */
  private functionCall(call: Call, qualifiedName: string): Js {
    const callee = this.context.plan.byName.get(qualifiedName);
    if (callee === undefined) return this.fail(`unknown function '${qualifiedName}'`, call);
    const mark = lineMark(call.span.line);
    const args = codes(this.operands(call.args));
    if (callee.inlined) return impure(`${mark}${callee.name}(${args})`);
    const tick = this.context.deadline ? `${mark}$tick(), ` : '';
    const withDepth = args === '' ? '$d + 1' : `${args}, $d + 1`;
    if (this.mode === 'fast')
      return impure(
        tick === '' ? `${mark}${callee.name}(${withDepth})` : `(${tick}${mark}${callee.name}(${withDepth}))`,
      );
    const group = callee.group;
    const generator =
      group === null
        ? `${callee.name}$deep(${withDepth})`
        : `${group.name}$deep(${group.members.indexOf(callee)}, ${groupArgs(args, callee.unit.params.length, group.arity)}$d + 1)`;
    return impure(`(${tick}${mark}yield ($d < $max ? ${generator} : ${mark}$overflow()))`);
  }

  /** A call through a function value (`CALL_VALUE`): a frame for an Aver function, none for built-ins and ctors. */
  private valueCall(call: Call): Js {
    const [callee, ...args] = this.operands([call.callee, ...call.args]);
    const mark = lineMark(call.span.line);
    const tick = this.context.deadline ? `${mark}$tick(), ` : '';
    const invoke =
      this.mode === 'fast'
        ? `${mark}$callValue(${callee.code}, [${codes(args)}], $d)`
        : `${mark}yield* $callValueDeep(${callee.code}, [${codes(args)}], $d)`;
    const result = `(${tick}${invoke})`;
    return isOwnedType(this.typeOf(call)) ? impure(`$share${result}`) : impure(result);
  }

  /** Built-in calls: buffer intrinsics, the VM's inline list and vector operations, else the implementation. */
  private builtinCall(call: Call, name: string): Js {
    const args = call.args;
    const mark = lineMark(call.span.line);
    switch (name) {
      case BufferIntrinsic.create:
        return impure(`new $StringBuffer(${this.expr(args[0]).code})`);
      case BufferIntrinsic.append: {
        const parts = this.operands(args);
        return impure(
          parts.slice(1).reduce((buffer, part) => `$bufferAppend(${buffer}, ${part.code})`, parts[0].code),
        );
      }
      case BufferIntrinsic.sequence: {
        const [first, second] = this.operands(args);
        return impure(first.pure ? second.code : `(${first.code}, ${second.code})`);
      }
      case BufferIntrinsic.finalize:
        return impure(`${this.expr(args[0]).code}.text`);
      case 'List.len':
        return impure(`${this.expr(args[0]).code}.length`);
      case 'List.prepend': {
        const [head, tail] = this.operands(args);
        return impure(`$cons(${head.code}, ${tail.code})`);
      }
      case 'Option.withDefault': {
        const fused = this.fusedWithDefault(call);
        if (fused !== null) return fused;
        break;
      }
      case 'Vector.get':
        return impure(`$vectorGet(${codes(this.borrowingArgs(args))})`);
    }
    const impl = this.context.constants.builtin(name, call.span.line);
    const values = BORROWING_BUILTINS.has(name) ? this.borrowingArgs(args) : this.operands(args);
    const result = `${mark}${impl}($host${values.map((value) => `, ${value.code}`).join('')})`;
    if (isOwnedType(this.typeOf(call)) && !FRESH_OWNED_RESULTS.has(name)) return impure(`$share(${result})`);
    return impure(result);
  }

  /**
   * Arguments of a built-in that only looks at them: a Vector or Map local is read without marking it shared when
   * no later argument reads the same local (the VM's borrowing rule).
   */
  private borrowingArgs(args: readonly Expr[]): Js[] {
    return this.operands(args, (arg, index) => this.borrowed(arg, args.slice(index + 1)));
  }

  /** A borrowed read of a Vector or Map local that none of `later` reads (plain, unshared); `null` otherwise. */
  private borrowed(arg: Expr, later: readonly Expr[]): Js | null {
    if (arg.kind !== 'Ident' || arg.slot === undefined || !isOwnedType(this.typeOf(arg))) return null;
    if (later.some((other) => readsSlot(other, arg.slot!))) return null;
    return pure(this.local(arg.slot, arg.name));
  }

  /**
   * `Option.withDefault(Vector.get(v, i), d)` and `Option.withDefault(Vector.set(v, i, x), v)`, fused like the VM's
   * `VECTOR_GET_OR` and `VECTOR_SET_OR_KEEP` (the latter updates `v` in place when this is its last use and it is
   * unshared); `null` for any other `Option.withDefault`.
   */
  private fusedWithDefault(call: Call): Js | null {
    const [option, fallback] = call.args;
    if (option.kind !== 'Call' || option.target?.kind !== 'builtin' || option.lowered !== undefined)
      return null;
    const inner = option.target.name;
    if (inner === 'Map.get') {
      // `Map.get` borrows the map unless its key reads it (the fallback belongs to the outer call), as on the VM;
      // fused, no `Option.Some` is built.
      const [map, key] = option.args;
      const args = this.operands([map, key, fallback], (arg, index) =>
        index === 0 ? this.borrowed(arg, [key]) : null,
      );
      const read = `${lineMark(call.span.line)}$mapGetOr(${codes(args)})`;
      return isOwnedType(this.typeOf(call)) ? impure(`$share(${read})`) : impure(read);
    }
    if (inner === 'Vector.get') {
      const args = this.borrowingArgs([option.args[0], option.args[1], fallback]);
      const read = `$vectorGetOr(${codes(args)})`;
      return isOwnedType(this.typeOf(call)) ? impure(`$share(${read})`) : impure(read);
    }
    const shape = setOrKeepShape(call);
    if (shape === null) return null;
    const variable = this.local(shape.vector.slot, shape.vector.name);
    const read = shape.moves ? pure(variable) : impure(`$share(${variable})`);
    const args = this.operands([shape.vector, shape.index, shape.item], (_arg, index) =>
      index === 0 ? read : null,
    );
    return impure(`${lineMark(call.span.line)}$vectorSetOrKeep($host, ${codes(args)})`);
  }

  /**
   * The call of an Option-returning built-in (`String.charAt`, `Vector.get`, `Map.get`) without its `Option`: the
   * payload or `undefined`; `null` for any other expression.
   */
  unboxedOptionCall(expr: Expr): Js | null {
    if (expr.kind !== 'Call' || expr.lowered !== undefined || expr.target?.kind !== 'builtin') return null;
    const helper = UNBOXED_OPTION_BUILTINS[expr.target.name];
    if (helper === undefined) return null;
    const args =
      expr.target.name === 'String.charAt' ? this.operands(expr.args) : this.borrowingArgs(expr.args);
    return impure(`${lineMark(expr.span.line)}${helper}(${codes(args)})`);
  }

  /** `Shape.Rect(w, h)`, `Result.Ok(x)`, `Option.Some(x)`. */
  private construct(call: Call, target: Extract<CallTarget, { kind: 'variant' }>): Js {
    const args = this.operands(call.args);
    const wrap = wrapKindOf(target.typeName, target.variant);
    if (wrap !== null) return impure(`new $WrapValue(${wrap}, ${args[0].code})`);
    const line = call.span.line;
    const constants = this.context.constants;
    if (args.length === 0) return pure(constants.constructorValue(target.typeName, target.variant, line));
    const tag = constants.variantTag(target.typeName, target.variant, line);
    return impure(`new $VariantValue(${constants.sumType(target.typeName, line)}, ${tag}, [${codes(args)}])`);
  }

  /** `User(name = …, age = …)`: fields evaluated in source order, stored in declaration order. */
  private record(call: Call, target: Extract<CallTarget, { kind: 'record' }>): Js {
    const values = this.operands(call.named.map((arg) => arg.value));
    const inOrder = target.fieldOrder.every((named, declared) => named === declared);
    if (!inOrder) {
      values.forEach((value, index) => {
        if (value.pure) return;
        const saved = this.temp();
        this.line(`${saved} = ${value.code};`);
        values[index] = pure(saved);
      });
    }
    const fields = target.fieldOrder.map((named) => values[named].code);
    return impure(
      `new $RecordValue(${this.context.constants.recordType(target.typeName, call.span.line)}, [${fields.join(', ')}])`,
    );
  }

  private binary(expr: Extract<Expr, { kind: 'Binary' }>): Js {
    const kind = expr.operandKind;
    if (kind === undefined) return this.fail(`operator '${expr.op}' without an operand type`, expr);
    const [left, right] = this.operands([expr.left, expr.right]);
    const a = left.code;
    const b = right.code;
    const mark = lineMark(expr.span.line);
    const float = kind === 'Float';
    switch (expr.op) {
      case '+':
        // The VM's String limit, which also keeps V8 from aborting the process (vm-runtime: engine-limits.ts).
        if (kind === 'String') return impure(`${mark}$checkedString(${a} + ${b})`);
        return impure(float ? `(${a} + ${b})` : `$addInt(${a}, ${b})`);
      case '-':
        return impure(float ? `(${a} - ${b})` : `$subInt(${a}, ${b})`);
      case '*':
        return impure(float ? `(${a} * ${b})` : `$mulInt(${a}, ${b})`);
      case '/':
        return impure(float ? `(${a} / ${b})` : `${mark}$divInt(${a}, ${b})`);
      case '==':
        if (float) return impure(`$eqFloat(${a}, ${b})`);
        return impure(kind === 'other' ? `$valuesEqual(${a}, ${b})` : `(${a} === ${b})`);
      case '!=':
        if (float) return impure(`!$eqFloat(${a}, ${b})`);
        return impure(kind === 'other' ? `!$valuesEqual(${a}, ${b})` : `(${a} !== ${b})`);
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (kind === 'Int' || float) return impure(`(${a} ${expr.op} ${b})`);
        if (kind === 'String') return impure(`($compareStrings(${a}, ${b}) ${expr.op} 0)`);
        return this.fail(`operator '${expr.op}' on ${kind}`, expr);
      default:
        return this.fail(`unknown operator '${expr.op}'`, expr);
    }
  }

  /** `-x` is `0 - x` in 0.15–0.20: Int wraps, and `-(0.0)` is `0.0`. Literals fold. */
  private negate(expr: Extract<Expr, { kind: 'Negate' }>): Js {
    const operand = expr.operand;
    if (operand.kind === 'IntLit') return pure(intLiteral(-operand.value));
    if (operand.kind === 'FloatLit') return pure(floatLiteral(0 - operand.value));
    const value = this.expr(operand).code;
    return impure(expr.operandKind === 'Float' ? `(0 - ${value})` : `$negInt(${value})`);
  }
}

/**
 * `code` in parentheses when it spans lines (it holds line marks), so that no line break follows `return` (where
 * JavaScript would insert a semicolon).
 */
function parenthesized(code: string): string {
  return hasLineMark(code) ? `(${code})` : code;
}

/** The codes of compiled operands, comma-separated. */
export function codes(values: readonly Js[]): string {
  return values.map((value) => value.code).join(', ');
}

/** The module variable holding global `qualifiedName`. */
export function globalVariable(qualifiedName: string): string {
  return `$global$${qualifiedName.replaceAll('.', '$')}`;
}

/** The arguments of a call into a tail group's merged function: the member's, padded to the group's arity. */
function groupArgs(args: string, count: number, arity: number): string {
  const padding = new Array<string>(arity - count).fill('undefined');
  const all = [...(args === '' ? [] : [args]), ...padding];
  return all.length === 0 ? '' : `${all.join(', ')}, `;
}
