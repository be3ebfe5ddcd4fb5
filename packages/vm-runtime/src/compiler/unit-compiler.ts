import type {
  Binary,
  Call,
  CallTarget,
  Expr,
  Ident,
  InterpSegment,
  InterpString,
  MatchArm,
  MatchExpr,
  Member,
  NameResolution,
  Pattern,
  Stmt,
} from '../ast.js';
import { BUILTIN_INDEX } from '../builtins/index.js';
import { type Chunk, ChunkBuilder, Op } from '../chunk.js';
import type { Type } from '../checker/index.js';
import type { CompileTables } from '../compiler.js';
import { BufferIntrinsic } from '../passes/buffer-build.js';
import type { CodeUnit } from '../passes/code-unit.js';
import { boolBranchArms } from '../passes/match-shape.js';
import {
  BORROWING_BUILTINS,
  FRESH_OWNED_RESULTS,
  FRESH_PAYLOAD_RESULTS,
  isOwnedType,
} from '../passes/ownership.js';
import { assertNever } from '../passes/walk.js';
import { EMPTY_LIST, MapValue, normalizeInt, type Value, WrapKind } from '../values.js';
import { VmMessages } from '../vm-messages.js';
import { CompileError } from './compile-error.js';
import { builtinValueOf, constructorValueOf, variantTagOf, wrapKindOf, wrappedType } from './constants.js';
import {
  constructionOf,
  isInlinable,
  type KnownValue,
  onlyTakenApart,
  readsSlot,
} from './inline-analysis.js';
import { coveredByEarlierArms } from './match-coverage.js';

/** `{}`: one shared, permanently shared-flagged empty map (a `Map.set` on it copies). */
const EMPTY_MAP = new MapValue(new Map());
EMPTY_MAP.shared = true;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const COMPARE_JUMPS: Readonly<Record<string, number>> = {
  '<': Op.JUMP_IF_NOT_LT,
  '<=': Op.JUMP_IF_NOT_LE,
  '>': Op.JUMP_IF_NOT_GT,
  '>=': Op.JUMP_IF_NOT_GE,
};
const NUMBER_COMPARES: Readonly<Record<string, number>> = {
  '<': Op.LT_NUM,
  '<=': Op.LE_NUM,
  '>': Op.GT_NUM,
  '>=': Op.GE_NUM,
};
const STRING_COMPARES: Readonly<Record<string, number>> = {
  '<': Op.LT_STR,
  '<=': Op.LE_STR,
  '>': Op.GT_STR,
  '>=': Op.GE_STR,
};

/**
 * Compiles one code unit to a chunk (§5.6): statements become `expr; STORE_LOCAL` / `expr; POP`, the result
 * expression is compiled in tail position (tail calls become `TAIL_CALL_SELF`/`TAIL_CALL`, `match` arms return
 * directly), operators pick typed opcodes from the checker's `operandKind`, and a `match` tests the subject's slot
 * arm by arm with fused `MATCH_*` instructions. Reads of Vector/Map locals move or share them as `last_use` decided.
 */
export class UnitCompiler {
  private readonly b: ChunkBuilder;
  private readonly types: Map<Expr, Type>;
  /** `PROPAGATE_ERR` / `PRODUCT_UNWRAP` jumps to patch to the shared return at the end of the chunk. */
  private readonly returnJumps: number[] = [];
  /** Added to every slot while compiling an inlined callee's body (its frame sits above this unit's locals). */
  private slotBase = 0;
  /** Frame slots in use: the unit's own locals, then regions of inlined callees and scalar-replaced values. */
  private localCount: number;
  private extraTop: number;
  /** Locals (by slot, in the current unit or inlined callee) whose value was never built: their components' slots. */
  private known = new Map<number, KnownValue>();
  /** Binder slots that name a component slot of a known value directly. */
  private aliases = new Map<number, number>();

  constructor(
    private readonly tables: CompileTables,
    private readonly unit: CodeUnit,
  ) {
    this.b = new ChunkBuilder(unit.name, unit.params.length);
    this.types = tables.checked.exprTypes;
    this.localCount = unit.localCount;
    this.extraTop = unit.localCount;
  }

  compile(): Chunk {
    const unit = this.unit;
    const body = unit.body;
    this.b.line = unit.decl?.span.line ?? body[0]?.span.line ?? 0;
    switch (unit.kind) {
      case 'function':
      case 'buffered': {
        for (let i = 0; i < body.length - 1; i++) this.stmt(body[i], body.slice(i + 1));
        const last = body[body.length - 1];
        if (last?.kind === 'ExprStmt') this.tail(last.expr);
        else {
          if (last !== undefined) this.stmt(last);
          this.b.emit(Op.UNIT, 1);
          this.b.emit(Op.RETURN, 0);
        }
        break;
      }
      case 'topLevel':
        for (const stmt of body) this.stmt(stmt);
        this.b.emit(Op.UNIT, 1);
        this.b.emit(Op.RETURN, 0);
        break;
      case 'verify':
        if (unit.verify?.kind === 'domain') {
          this.expr((body[0] as Extract<Stmt, { kind: 'ExprStmt' }>).expr);
          this.b.emit(Op.RETURN, 0);
        } else this.verifyCase();
        break;
      default:
        assertNever(unit.kind);
    }
    if (this.returnJumps.length > 0) {
      const target = this.b.here();
      for (const at of this.returnJumps) this.b.patchJump(at, target);
      this.b.emit(Op.RETURN, 0);
    }
    return this.b.finish(this.localCount);
  }

  /**
   * A verify case: its bindings and `when` premises in source order (an expression statement is a premise: false →
   * return Unit, the case is skipped), then `Result.Ok((lhs, rhs))`. A `?` that fails anywhere returns its
   * `Result.Err` instead.
   */
  private verifyCase(): void {
    const body = this.unit.body;
    const skips: number[] = [];
    for (let i = 0; i < body.length - 2; i++) {
      const step = body[i];
      if (step.kind === 'Binding') this.stmt(step);
      else skips.push(this.branchIfFalse(step.expr));
    }
    this.expr((body[body.length - 2] as Extract<Stmt, { kind: 'ExprStmt' }>).expr);
    this.expr((body[body.length - 1] as Extract<Stmt, { kind: 'ExprStmt' }>).expr);
    this.b.emit(Op.TUPLE_NEW, -1, 2);
    this.b.emit(Op.WRAP, 0, WrapKind.Ok);
    this.b.emit(Op.RETURN, -1);
    if (skips.length === 0) return;
    const skip = this.b.here();
    for (const at of skips) this.b.patchJump(at, skip);
    this.b.emit(Op.UNIT, 1);
    this.b.emit(Op.RETURN, -1);
  }

  /**
   * A statement; `rest` are the statements after it in the same body (a binding whose later reads only take its
   * value apart is scalar-replaced: its components get slots and the value is never built).
   */
  private stmt(stmt: Stmt, rest: readonly Stmt[] = []): void {
    this.b.line = stmt.span.line;
    if (stmt.kind === 'ExprStmt') {
      this.expr(stmt.expr);
      this.b.emit(Op.POP, -1);
      return;
    }
    if (
      stmt.slot !== undefined &&
      this.unit.kind !== 'topLevel' &&
      this.scalarReplace(stmt.slot, stmt.value, rest)
    ) {
      return;
    }
    this.expr(stmt.value);
    this.b.line = stmt.span.line;
    if (stmt.slot !== undefined) this.b.emit(Op.STORE_LOCAL, -1, this.local(stmt.slot));
    else {
      const global = this.tables.globalIndex.get(stmt);
      if (global !== undefined && this.unit.kind === 'topLevel') this.b.emit(Op.STORE_GLOBAL, -1, global);
      else this.b.emit(Op.POP, -1);
    }
  }

  /** Compiles `expr` in tail position: the code returns from the function (or tail-calls) itself. */
  private tail(expr: Expr): void {
    if (expr.kind === 'Match') {
      this.match(expr, true);
      return;
    }
    if (expr.kind === 'Call') {
      if (expr.lowered !== undefined) {
        this.tail(expr.lowered);
        return;
      }
      const target = expr.target;
      if (expr.tail === true && target?.kind === 'function') {
        for (const arg of expr.args) this.expr(arg);
        this.b.line = expr.span.line;
        const argc = expr.args.length;
        if (target.qualifiedName === this.unit.name) this.b.emit(Op.TAIL_CALL_SELF, -argc, argc);
        else this.b.emit(Op.TAIL_CALL, -argc, this.functionIndex(target.qualifiedName, expr), argc);
        return;
      }
      if (target?.kind === 'builtin' && target.name === BufferIntrinsic.sequence) {
        this.expr(expr.args[0]);
        this.b.emit(Op.POP, -1);
        this.tail(expr.args[1]);
        return;
      }
    }
    this.expr(expr);
    this.b.emit(Op.RETURN, -1);
  }

  /** Compiles `expr` so that it pushes exactly one value. */
  private expr(expr: Expr): void {
    this.b.line = expr.span.line;
    switch (expr.kind) {
      case 'IntLit':
        this.int(expr.value);
        return;
      case 'FloatLit':
      case 'StringLit':
        this.constant(expr.value);
        return;
      case 'BoolLit':
        this.b.emit(expr.value ? Op.TRUE : Op.FALSE, 1);
        return;
      case 'UnitLit':
        this.b.emit(Op.UNIT, 1);
        return;
      case 'Interp':
        this.interpolation(expr);
        return;
      case 'Ident':
        this.name(expr, expr.resolution);
        return;
      case 'Member':
        if (expr.resolution?.kind === 'field') this.field(expr, expr.resolution.index);
        else this.name(expr, expr.resolution);
        return;
      case 'Call':
        this.call(expr);
        return;
      case 'Binary':
        this.binary(expr);
        return;
      case 'Negate':
        this.negate(expr);
        return;
      case 'Tuple':
        for (const item of expr.items) this.expr(item);
        this.b.emit(Op.TUPLE_NEW, 1 - expr.items.length, expr.items.length);
        return;
      case 'List':
        if (expr.items.length === 0) {
          this.constant(EMPTY_LIST);
          return;
        }
        for (const item of expr.items) this.expr(item);
        this.b.line = expr.span.line;
        this.b.emit(Op.LIST_NEW, 1 - expr.items.length, expr.items.length);
        return;
      case 'Map':
        if (expr.entries.length === 0) {
          this.constant(EMPTY_MAP);
          return;
        }
        for (const entry of expr.entries) {
          this.expr(entry.key);
          this.expr(entry.value);
        }
        this.b.line = expr.span.line;
        this.b.emit(Op.MAP_NEW, 1 - 2 * expr.entries.length, expr.entries.length);
        return;
      case 'Match':
        this.match(expr, false);
        return;
      case 'Try':
        this.expr(expr.expr);
        this.b.line = expr.span.line;
        this.returnJumps.push(this.b.emit(Op.PROPAGATE_ERR, 0, 0));
        return;
      case 'Product': {
        const count = expr.items.length;
        for (const item of expr.items) this.expr(item);
        this.b.line = expr.span.line;
        if (expr.unwrap) this.returnJumps.push(this.b.emit(Op.PRODUCT_UNWRAP, 1 - count, count, 0));
        else this.b.emit(Op.TUPLE_NEW, 1 - count, count);
        return;
      }
      default:
        assertNever(expr);
    }
  }

  /**
   * Inlines a call of a small leaf function: the arguments go into slots above this unit's locals and the callee's
   * body is compiled there, its slots shifted by that base. The callee calls no Aver function (so there is no
   * recursion to unfold and no frame to reuse) and has no `?` (which would return from the wrong function).
   */
  private inline(call: Call, callee: CodeUnit): void {
    const savedTop = this.extraTop;
    const savedKnown = this.known;
    const savedAliases = this.aliases;
    const base = this.allocateSlots(callee.localCount);
    // Arguments are evaluated in the caller's context; the callee's known values start with its taken-apart params.
    const calleeKnown = new Map<number, KnownValue>();
    const calleeAliases = new Map<number, number>();
    const pushed: number[] = [];
    call.args.forEach((arg, index) => {
      const same = this.sameSlot(arg);
      if (same !== null) calleeAliases.set(index, same);
      else if (!this.scalarReplace(index, arg, callee.body, calleeKnown)) {
        this.expr(arg);
        pushed.push(index);
      }
    });
    this.b.line = call.span.line;
    for (let i = pushed.length - 1; i >= 0; i--) this.b.emit(Op.STORE_LOCAL, -1, base + pushed[i]);
    this.known = calleeKnown;
    this.aliases = calleeAliases;
    this.slotBase = base;
    const body = callee.body;
    for (let i = 0; i < body.length - 1; i++) this.stmt(body[i], body.slice(i + 1));
    const last = body[body.length - 1] as Extract<Stmt, { kind: 'ExprStmt' }>;
    this.expr(last.expr);
    this.slotBase = 0;
    this.known = savedKnown;
    this.aliases = savedAliases;
    this.extraTop = savedTop;
  }

  /**
   * Scalar replacement: when `value` builds a record or variant and every later read of the local in `slot` only
   * takes it apart (`x.f`, `match x` on constructors), evaluates its components in source order into fresh slots
   * and records them as the local's known value (in `into`: the current context's, or an inlined callee's while its
   * arguments are evaluated) instead of building it. Returns false, and emits nothing, when the value must be built.
   */
  private scalarReplace(slot: number, value: Expr, rest: readonly Stmt[], into = this.known): boolean {
    const construction = constructionOf(value);
    if (construction === null || !onlyTakenApart(slot, rest)) return false;
    const first = this.allocateSlots(construction.components.length);
    const components = construction.components.map((_component, position) => first + position);
    construction.components.forEach((component, index) => {
      const position = construction.positions[index];
      const same = this.sameSlot(component);
      if (same !== null) components[position] = same;
      else {
        this.expr(component);
        this.b.emit(Op.STORE_LOCAL, -1, components[position]);
      }
    });
    into.set(slot, { construction, components });
    return true;
  }

  /**
   * The frame slot already holding `expr` when it is a read of a local that is not a Vector or Map (bindings are
   * immutable and a read of such a value has no effect, so a component or inlined parameter can name that slot
   * instead of copying it); `null` otherwise.
   */
  private sameSlot(expr: Expr): number | null {
    if (expr.kind !== 'Ident' || expr.slot === undefined || this.known.has(expr.slot)) return null;
    return isOwnedType(this.types.get(expr)) ? null : this.local(expr.slot);
  }

  /** Reserves `count` frame slots above everything in use; returns the first. */
  private allocateSlots(count: number): number {
    const first = this.extraTop;
    this.extraTop += count;
    this.localCount = Math.max(this.localCount, this.extraTop);
    return first;
  }

  /** A slot operand: the unit's own slot, or an inlined callee's slot shifted above the unit's locals. */
  private local(slot: number): number {
    if (slot < 0) return slot;
    return this.aliases.get(slot) ?? slot + this.slotBase;
  }

  private int(value: bigint): void {
    if (value >= INT32_MIN && value <= INT32_MAX) this.b.emit(Op.INT, 1, Number(value));
    else this.constant(normalizeInt(value));
  }

  private constant(value: Value): void {
    this.b.emit(Op.CONST, 1, this.b.addConstant(value));
  }

  /** The segments of an interpolation (lowered by `interp_lower`, or displayed generically when it did not run). */
  private interpolation(expr: InterpString): void {
    const segments: readonly InterpSegment[] =
      expr.lowered?.segments ??
      expr.parts.map((part) =>
        part.kind === 'Text'
          ? { kind: 'text', value: part.value }
          : { kind: 'value', expr: part.expr, display: 'value' },
      );
    for (const segment of segments) {
      if (segment.kind === 'text') {
        this.constant(segment.value);
        continue;
      }
      this.expr(segment.expr);
      this.b.line = expr.span.line;
      if (segment.display === 'int') this.b.emit(Op.TO_STRING_INT, 0);
      else if (segment.display === 'float') this.b.emit(Op.TO_STRING_FLOAT, 0);
      else if (segment.display === 'value') this.b.emit(Op.TO_STRING, 0);
    }
    if (segments.length > 1) this.b.emit(Op.STRING_CONCAT, 1 - segments.length, segments.length);
    else if (segments.length === 0) this.constant('');
  }

  /** A name in value position: a local, a function or built-in value, a constructor, a global. */
  private name(expr: Ident | Member, resolution: NameResolution | undefined): void {
    switch (resolution?.kind) {
      case 'local':
        this.readLocal(expr as Ident);
        return;
      case 'function':
        this.constant(this.tables.functionValues[this.functionIndex(resolution.qualifiedName, expr)]);
        return;
      case 'builtin':
        this.constant(this.builtinValue(resolution.name, expr));
        return;
      case 'variant':
        this.constant(this.variantValue(resolution.typeName, resolution.variant, expr));
        return;
      case 'global': {
        const index = this.tables.globalByName.get(resolution.qualifiedName);
        if (index === undefined) throw this.error(`unknown global '${resolution.qualifiedName}'`, expr);
        this.b.emit(Op.LOAD_GLOBAL, 1, index);
        return;
      }
      default:
        throw this.error(`unresolved name '${expr.kind === 'Ident' ? expr.name : expr.name}'`, expr);
    }
  }

  /** Pushes a local: a move at the last read of a Vector/Map, a sharing read before it, a plain read otherwise. */
  private readLocal(ident: Ident): void {
    const slot = ident.slot;
    if (slot === undefined) throw this.error(`local '${ident.name}' has no slot`, ident);
    if (this.known.has(slot)) throw this.error(`local '${ident.name}' was taken apart`, ident);
    if (!isOwnedType(this.types.get(ident))) this.b.emitLoadLocal(this.local(slot));
    else this.b.emit(ident.lastUse === true ? Op.MOVE_LOCAL : Op.LOAD_LOCAL_SHARE, 1, this.local(slot));
  }

  /** `record.field`; a Vector or Map taken out of a record that stays alive is marked shared. */
  private field(member: Member, index: number): void {
    const object = member.object;
    const known =
      object.kind === 'Ident' && object.slot !== undefined ? this.known.get(object.slot) : undefined;
    const built = constructionOf(object);
    if (known !== undefined) {
      this.b.line = member.span.line;
      this.b.emitLoadLocal(known.components[index]);
    } else if (built !== null) {
      // `R(f = a, g = b).g`: evaluate every field in order, keep the one read.
      built.components.forEach((component, position) => {
        this.expr(component);
        if (built.positions[position] !== index) this.b.emit(Op.POP, -1);
      });
    } else if (object.kind === 'Ident' && object.resolution?.kind === 'local' && object.slot !== undefined) {
      this.b.line = member.span.line;
      this.b.emit(Op.LOAD_FIELD, 1, this.local(object.slot), index);
    } else {
      this.expr(object);
      this.b.line = member.span.line;
      this.b.emit(Op.RECORD_GET, 0, index);
    }
    if (isOwnedType(this.types.get(member))) this.b.emit(Op.SHARE, 0);
  }

  private call(call: Call): void {
    if (call.lowered !== undefined) {
      this.expr(call.lowered);
      return;
    }
    const target = call.target;
    if (target === undefined) throw this.error('call without a resolved target', call);
    switch (target.kind) {
      case 'function': {
        const index = this.functionIndex(target.qualifiedName, call);
        const callee = this.tables.units[index];
        if (this.slotBase === 0 && isInlinable(callee)) {
          this.inline(call, callee);
          return;
        }
        for (const arg of call.args) this.expr(arg);
        this.b.line = call.span.line;
        const argc = call.args.length;
        this.b.emit(Op.CALL, 1 - argc, index, argc);
        return;
      }
      case 'builtin':
        this.builtinCall(call, target.name);
        return;
      case 'variant':
        this.construct(call, target);
        return;
      case 'record': {
        for (const arg of call.named) this.expr(arg.value);
        this.b.line = call.span.line;
        const record = this.recordIndex(target.typeName, call);
        const count = call.named.length;
        const order = new Int32Array(count);
        target.fieldOrder.forEach((namedIndex, declIndex) => {
          order[namedIndex] = declIndex;
        });
        if (order.every((declIndex, namedIndex) => declIndex === namedIndex)) {
          this.b.emit(Op.RECORD_NEW, 1 - count, record, count);
        } else {
          this.b.emit(Op.RECORD_NEW_PERM, 1 - count, record, this.b.addConstant(order as unknown as Value));
        }
        return;
      }
      case 'recordUpdate': {
        this.expr(call.args[0]);
        for (const arg of call.named) this.expr(arg.value);
        this.b.line = call.span.line;
        const indexes = Int32Array.from(target.fieldIndexes);
        const record = this.recordIndex(target.typeName, call);
        this.b.emit(
          Op.RECORD_UPDATE,
          -call.named.length,
          record,
          this.b.addConstant(indexes as unknown as Value),
        );
        return;
      }
      case 'value': {
        this.expr(call.callee);
        for (const arg of call.args) this.expr(arg);
        this.b.line = call.span.line;
        this.b.emit(Op.CALL_VALUE, -call.args.length, call.args.length);
        if (isOwnedType(this.types.get(call))) this.b.emit(Op.SHARE, 0);
        return;
      }
      default:
        assertNever(target);
    }
  }

  /** Built-in calls: buffer intrinsics, the inline list and vector opcodes, else `CALL_BUILTIN`. */
  private builtinCall(call: Call, name: string): void {
    const args = call.args;
    switch (name) {
      case BufferIntrinsic.create:
        this.expr(args[0]);
        this.b.emit(Op.BUFFER_NEW, 0);
        return;
      case BufferIntrinsic.append:
        this.expr(args[0]);
        for (let i = 1; i < args.length; i++) {
          this.expr(args[i]);
          this.b.emit(Op.BUFFER_APPEND_SEP_UNLESS_FIRST, -1);
        }
        return;
      case BufferIntrinsic.sequence:
        this.expr(args[0]);
        this.b.emit(Op.POP, -1);
        this.expr(args[1]);
        return;
      case BufferIntrinsic.finalize:
        this.expr(args[0]);
        this.b.emit(Op.BUFFER_FINALIZE, 0);
        return;
      case 'List.len':
        this.expr(args[0]);
        this.b.line = call.span.line;
        this.b.emit(Op.LIST_LEN, 0);
        return;
      case 'List.prepend':
        this.expr(args[0]);
        this.expr(args[1]);
        this.b.line = call.span.line;
        this.b.emit(Op.LIST_PREPEND, -1);
        return;
      case 'Option.withDefault':
        if (this.fusedWithDefault(call)) return;
        break;
      case 'Vector.get':
        this.borrowingArgs(args);
        this.b.line = call.span.line;
        this.b.emit(Op.VECTOR_GET, -1);
        return;
    }
    const index = BUILTIN_INDEX.get(name);
    if (index === undefined) throw this.error(`unknown built-in '${name}'`, call);
    if (BORROWING_BUILTINS.has(name)) this.borrowingArgs(args);
    else for (const arg of args) this.expr(arg);
    this.b.line = call.span.line;
    this.b.emit(Op.CALL_BUILTIN, 1 - args.length, index, args.length);
    if (isOwnedType(this.types.get(call)) && !FRESH_OWNED_RESULTS.has(name)) this.b.emit(Op.SHARE, 0);
  }

  /**
   * Arguments of a built-in that only looks at them: a Vector or Map local is read without marking it shared when
   * no later argument reads the same local (see `BORROWING_BUILTINS`).
   */
  private borrowingArgs(args: readonly Expr[]): void {
    args.forEach((arg, index) => {
      if (arg.kind === 'Ident' && arg.slot !== undefined && isOwnedType(this.types.get(arg))) {
        const later = args.slice(index + 1);
        if (!later.some((other) => readsSlot(other, arg.slot!))) {
          this.b.line = arg.span.line;
          this.b.emitLoadLocal(this.local(arg.slot));
          return;
        }
      }
      this.expr(arg);
    });
  }

  /**
   * `Option.withDefault(Vector.get(v, i), d)` → `VECTOR_GET_OR`, and `Option.withDefault(Vector.set(v, i, x), v)`
   * → `VECTOR_SET_OR_KEEP`, which updates `v` in place when this is its last use and it is unshared.
   */
  private fusedWithDefault(call: Call): boolean {
    const [option, fallback] = call.args;
    if (option.kind !== 'Call' || option.target?.kind !== 'builtin' || option.lowered !== undefined)
      return false;
    const inner = option.target.name;
    if (inner === 'Vector.get') {
      this.borrowingArgs([option.args[0], option.args[1], fallback]);
      this.b.line = call.span.line;
      this.b.emit(Op.VECTOR_GET_OR, -2);
      if (isOwnedType(this.types.get(call))) this.b.emit(Op.SHARE, 0);
      return true;
    }
    if (inner !== 'Vector.set') return false;
    const vector = option.args[0];
    if (
      vector.kind !== 'Ident' ||
      fallback.kind !== 'Ident' ||
      vector.slot === undefined ||
      vector.slot !== fallback.slot ||
      vector.resolution?.kind !== 'local'
    ) {
      return false;
    }
    // The vector is read once, before the index and the item; that read moves it only when the fallback read it
    // stands for is the last one and neither the index nor the item reads the vector (they run after the move).
    const moves =
      fallback.lastUse === true &&
      !readsSlot(option.args[1], vector.slot) &&
      !readsSlot(option.args[2], vector.slot);
    this.b.emit(moves ? Op.MOVE_LOCAL : Op.LOAD_LOCAL_SHARE, 1, this.local(vector.slot));
    this.expr(option.args[1]);
    this.expr(option.args[2]);
    this.b.line = call.span.line;
    this.b.emit(Op.VECTOR_SET_OR_KEEP, -2);
    return true;
  }

  /** `Shape.Rect(w, h)`, `Result.Ok(x)`, `Option.Some(x)`. */
  private construct(call: Call, target: Extract<CallTarget, { kind: 'variant' }>): void {
    for (const arg of call.args) this.expr(arg);
    this.b.line = call.span.line;
    const wrap = wrapKindOf(target.typeName, target.variant);
    if (wrap !== null) {
      this.b.emit(Op.WRAP, 0, wrap);
      return;
    }
    const count = call.args.length;
    if (count === 0) {
      this.constant(this.variantValue(target.typeName, target.variant, call));
      return;
    }
    const sum = this.tables.sumIndex.get(target.typeName);
    if (sum === undefined) throw this.error(`unknown sum type '${target.typeName}'`, call);
    this.b.emit(
      Op.VARIANT_NEW,
      1 - count,
      sum,
      this.variantTag(target.typeName, target.variant, call),
      count,
    );
  }

  private binary(expr: Binary): void {
    const kind = expr.operandKind;
    if (kind === undefined) throw this.error(`operator '${expr.op}' without an operand type`, expr);
    const right = expr.right;
    if (kind === 'Int' && (expr.op === '+' || expr.op === '-') && right.kind === 'IntLit') {
      const value = right.value;
      if (value >= INT32_MIN && value <= INT32_MAX) {
        this.expr(expr.left);
        this.b.line = expr.span.line;
        this.b.emit(expr.op === '+' ? Op.ADD_INT_IMM : Op.SUB_INT_IMM, 0, Number(value));
        return;
      }
    }
    this.expr(expr.left);
    this.expr(right);
    this.b.line = expr.span.line;
    this.b.emit(this.binaryOpcode(expr), -1);
  }

  private binaryOpcode(expr: Binary): number {
    const kind = expr.operandKind;
    const numeric = kind === 'Int' || kind === 'Float';
    switch (expr.op) {
      case '+':
        if (kind === 'String') return Op.CONCAT_STR;
        return kind === 'Float' ? Op.ADD_FLOAT : Op.ADD_INT;
      case '-':
        return kind === 'Float' ? Op.SUB_FLOAT : Op.SUB_INT;
      case '*':
        return kind === 'Float' ? Op.MUL_FLOAT : Op.MUL_INT;
      case '/':
        return kind === 'Float' ? Op.DIV_FLOAT : Op.DIV_INT;
      case '==':
        return kind === 'Float' ? Op.EQ_FLOAT : kind === 'other' ? Op.EQ : Op.EQ_PRIM;
      case '!=':
        return kind === 'Float' ? Op.NE_FLOAT : kind === 'other' ? Op.NE : Op.NE_PRIM;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (numeric) return NUMBER_COMPARES[expr.op];
        if (kind === 'String') return STRING_COMPARES[expr.op];
        throw this.error(`operator '${expr.op}' on ${kind}`, expr);
      default:
        return assertNever(expr.op);
    }
  }

  /** `-x` is `0 - x` in 0.15–0.20 (§1.5): Int wraps, and `-(0.0)` is `0.0`. Literals fold. */
  private negate(expr: Extract<Expr, { kind: 'Negate' }>): void {
    const operand = expr.operand;
    if (operand.kind === 'IntLit') {
      this.int(-operand.value);
      return;
    }
    if (operand.kind === 'FloatLit') {
      this.constant(0 - operand.value);
      return;
    }
    this.expr(operand);
    this.b.line = expr.span.line;
    this.b.emit(expr.operandKind === 'Float' ? Op.NEG_FLOAT : Op.NEG_INT, 0);
  }

  /**
   * Emits code that evaluates a Bool and jumps when it is false (fusing an Int/Float comparison or a primitive
   * equality into the jump); returns the jump to patch.
   */
  private branchIfFalse(cond: Expr): number {
    if (cond.kind === 'Binary') {
      const kind = cond.operandKind;
      const compare = COMPARE_JUMPS[cond.op];
      const primitiveEquality = kind === 'Int' || kind === 'String' || kind === 'Bool' || kind === 'Unit';
      let jump: number | undefined;
      if (compare !== undefined && (kind === 'Int' || kind === 'Float')) jump = compare;
      else if (cond.op === '==' && primitiveEquality) jump = Op.JUMP_IF_NOT_EQ;
      else if (cond.op === '!=' && primitiveEquality) jump = Op.JUMP_IF_EQ;
      if (jump !== undefined) {
        this.expr(cond.left);
        this.expr(cond.right);
        this.b.line = cond.span.line;
        return this.b.emit(jump, -2, 0);
      }
    }
    this.expr(cond);
    return this.b.emit(Op.JUMP_IF_FALSE, -1, 0);
  }

  /** A `match`: a two-way branch for `true`/`false` arms, else arm-by-arm tests on the subject slot. */
  private match(match: MatchExpr, tail: boolean): void {
    if (this.boolMatch(match, tail) || this.knownMatch(match, tail)) return;
    const subject = match.subject;
    const slot = match.subjectSlot;
    if (slot === undefined) throw this.error('match without a subject slot', match);
    const direct = subject.kind === 'Ident' && subject.slot === slot;
    if (!direct) {
      this.expr(subject);
      this.b.emit(Op.STORE_LOCAL, -1, this.local(slot));
    }
    const subjectType = this.types.get(subject);
    const fresh =
      !direct &&
      subject.kind === 'Call' &&
      subject.target?.kind === 'builtin' &&
      FRESH_PAYLOAD_RESULTS.has(subject.target.name);
    const base = this.b.depth;
    const ends: number[] = [];
    let exhaustive = false;
    match.arms.forEach((arm, index) => {
      this.b.depth = base;
      this.b.line = arm.span.line;
      const last = index === match.arms.length - 1;
      const unconditional = last && coveredByEarlierArms(match.arms, index, this.tables.checked.types);
      const fails: number[] = [];
      this.pattern(arm.pattern, slot, subjectType, fresh, unconditional ? null : fails);
      if (tail) this.tail(arm.body);
      else {
        this.expr(arm.body);
        if (!(last && fails.length === 0)) ends.push(this.b.emit(Op.JUMP, 0, 0));
      }
      if (fails.length > 0) {
        const next = this.b.here();
        for (const at of fails) this.b.patchJump(at, next);
      } else if (last) exhaustive = true;
    });
    this.b.depth = base;
    if (!exhaustive) {
      this.b.line = match.span.line;
      this.b.emit(Op.MATCH_FAIL, 0);
    }
    const end = this.b.here();
    for (const at of ends) this.b.patchJump(at, end);
    if (!tail) this.b.depth = base + 1;
  }

  /**
   * `match x` on a scalar-replaced local: the variant is known, so the arm is chosen here and its binders name the
   * component slots directly.
   */
  private knownMatch(match: MatchExpr, tail: boolean): boolean {
    const subject = match.subject;
    const known =
      subject.kind === 'Ident' && subject.slot !== undefined ? this.known.get(subject.slot) : undefined;
    if (known === undefined) return false;
    const { typeName, variant } = known.construction;
    const arm = match.arms.find(
      (candidate) =>
        candidate.pattern.kind === 'WildcardPattern' ||
        (candidate.pattern.kind === 'ConstructorPattern' &&
          candidate.pattern.resolution?.typeName === typeName &&
          candidate.pattern.resolution.variant === (variant ?? '')),
    );
    if (arm === undefined) throw this.error(`no arm matches ${typeName}.${variant}`, match);
    const aliased: [number, number | undefined][] = [];
    if (arm.pattern.kind === 'ConstructorPattern') {
      const slots = arm.pattern.binderSlots ?? [];
      const fieldTypes = this.payloadTypes(typeName, variant ?? '', this.types.get(subject));
      slots.forEach((binder, index) => {
        if (binder < 0) return;
        const component = known.components[index];
        if (isOwnedType(fieldTypes[index])) {
          // A Vector or Map binder gets a shared copy in its own slot: its last read moves it out of that slot,
          // which must not clear the component (a later `match x` or `x.field` reads it again).
          this.b.emit(Op.LOAD_LOCAL_SHARE, 1, component);
          this.b.emit(Op.STORE_LOCAL, -1, this.local(binder));
          return;
        }
        aliased.push([binder, this.aliases.get(binder)]);
        this.aliases.set(binder, component);
      });
    }
    this.armBody(arm, tail);
    // The arm's slots are reused after it (by later bindings and matches), so its binders stop naming components.
    for (const [binder, previous] of aliased) {
      if (previous === undefined) this.aliases.delete(binder);
      else this.aliases.set(binder, previous);
    }
    return true;
  }

  /** The payload types of a variant (a wrapper's inner type for `Some`/`Ok`/`Err`). */
  private payloadTypes(
    typeName: string,
    variant: string,
    subjectType: Type | undefined,
  ): (Type | undefined)[] {
    const wrap = wrapKindOf(typeName, variant);
    if (wrap !== null) return [wrappedType(subjectType, wrap)];
    const declared = this.tables.checked.types.get(typeName);
    if (declared?.kind !== 'sum') return [];
    return [...(declared.variants.find((candidate) => candidate.name === variant)?.fields ?? [])];
  }

  /** `match c` with arms `true`/`false` (either order, or one of them and `_`): a conditional jump. */
  private boolMatch(match: MatchExpr, tail: boolean): boolean {
    const arms = boolBranchArms(match, this.types);
    if (arms === null) return false;
    const [whenTrue, whenFalse] = arms;
    const jump = this.branchIfFalse(match.subject);
    const base = this.b.depth;
    this.armBody(whenTrue, tail);
    const end = tail ? -1 : this.b.emit(Op.JUMP, 0, 0);
    this.b.depth = base;
    this.b.patchJump(jump, this.b.here());
    this.armBody(whenFalse, tail);
    if (end >= 0) this.b.patchJump(end, this.b.here());
    return true;
  }

  private armBody(arm: MatchArm, tail: boolean): void {
    this.b.line = arm.span.line;
    if (tail) this.tail(arm.body);
    else this.expr(arm.body);
  }

  /**
   * Emits the tests of `pattern` against the value in `slot` (each failing jump goes to `fails`; `null` when the
   * arm is known to match) and the extractions into its binder slots. A Vector or Map taken out of a container
   * is marked shared unless the container is a fresh temporary (`fresh`).
   */
  private pattern(
    pattern: Pattern,
    slot: number,
    type: Type | undefined,
    fresh: boolean,
    fails: number[] | null,
  ): void {
    const b = this.b;
    switch (pattern.kind) {
      case 'WildcardPattern':
      case 'BindPattern':
        return;
      case 'LiteralPattern': {
        if (fails === null) return;
        const literal = pattern.literal;
        if (literal.kind === 'IntLit' && literal.value >= INT32_MIN && literal.value <= INT32_MAX) {
          fails.push(b.emit(Op.MATCH_INT, 0, this.local(slot), Number(literal.value), 0));
          return;
        }
        const value = literal.kind === 'IntLit' ? normalizeInt(literal.value) : literal.value;
        fails.push(b.emit(Op.MATCH_CONST, 0, this.local(slot), b.addConstant(value), 0));
        return;
      }
      case 'NilPattern':
        if (fails !== null) fails.push(b.emit(Op.MATCH_NIL, 0, this.local(slot), 0));
        return;
      case 'ConsPattern': {
        if (fails !== null) fails.push(b.emit(Op.MATCH_CONS, 0, this.local(slot), 0));
        const head = pattern.headSlot ?? -1;
        const tail = pattern.tailSlot ?? -1;
        if (head >= 0 || tail >= 0)
          b.emit(Op.UNCONS, 0, this.local(slot), this.local(head), this.local(tail));
        if (head >= 0 && !fresh && type?.kind === 'List' && isOwnedType(type.elem))
          b.emit(Op.SHARE_LOCAL, 0, this.local(head));
        return;
      }
      case 'ConstructorPattern':
        this.constructorPattern(pattern, slot, type, fresh, fails);
        return;
      case 'TuplePattern': {
        const items = type?.kind === 'Tuple' ? type.items : [];
        pattern.items.forEach((item, index) => {
          const itemSlot = pattern.itemSlots?.[index] ?? -1;
          if (itemSlot < 0) return;
          b.emit(Op.ITEM_TO_LOCAL, 0, this.local(slot), index, this.local(itemSlot));
          if (!fresh && isOwnedType(items[index])) b.emit(Op.SHARE_LOCAL, 0, this.local(itemSlot));
          this.pattern(item, itemSlot, items[index], false, fails);
        });
        return;
      }
      default:
        assertNever(pattern);
    }
  }

  private constructorPattern(
    pattern: Extract<Pattern, { kind: 'ConstructorPattern' }>,
    slot: number,
    type: Type | undefined,
    fresh: boolean,
    fails: number[] | null,
  ): void {
    const b = this.b;
    const resolution = pattern.resolution;
    if (resolution === undefined) throw this.error(`unresolved pattern ${pattern.path.join('.')}`, pattern);
    const { typeName, variant } = resolution;
    const wrap = wrapKindOf(typeName, variant);
    const binders = pattern.binderSlots ?? [];
    if (wrap !== null) {
      if (fails !== null) fails.push(b.emit(Op.MATCH_WRAP, 0, this.local(slot), wrap, 0));
      if (binders.length > 0 && binders[0] >= 0) {
        b.emit(Op.UNWRAP_TO_LOCAL, 0, this.local(slot), this.local(binders[0]));
        if (!fresh && isOwnedType(wrappedType(type, wrap))) b.emit(Op.SHARE_LOCAL, 0, this.local(binders[0]));
      }
      return;
    }
    if (typeName === 'Option' && variant === 'None') {
      if (fails !== null) fails.push(b.emit(Op.MATCH_NONE, 0, this.local(slot), 0));
      return;
    }
    const tag = this.variantTag(typeName, variant, pattern);
    if (fails !== null) fails.push(b.emit(Op.MATCH_VARIANT, 0, this.local(slot), tag, 0));
    const declared = this.tables.checked.types.get(typeName);
    const fieldTypes = declared?.kind === 'sum' ? declared.variants[tag].fields : [];
    binders.forEach((binder, index) => {
      if (binder < 0) return;
      b.emit(Op.FIELD_TO_LOCAL, 0, this.local(slot), index, this.local(binder));
      if (isOwnedType(fieldTypes[index])) b.emit(Op.SHARE_LOCAL, 0, this.local(binder));
    });
  }

  private functionIndex(name: string, at: { readonly span: { readonly line: number } }): number {
    const index = this.tables.functionIndex.get(name);
    if (index === undefined) throw this.error(`unknown function '${name}'`, at);
    return index;
  }

  private recordIndex(name: string, at: { readonly span: { readonly line: number } }): number {
    const index = this.tables.recordIndex.get(name);
    if (index === undefined) throw this.error(`unknown record type '${name}'`, at);
    return index;
  }

  private variantTag(
    typeName: string,
    variant: string,
    at: { readonly span: { readonly line: number } },
  ): number {
    const tag = variantTagOf(this.tables, typeName, variant);
    if (tag === null) throw this.error(`unknown variant '${typeName}.${variant}'`, at);
    return tag;
  }

  private variantValue(
    typeName: string,
    variant: string,
    at: { readonly span: { readonly line: number } },
  ): Value {
    const value = constructorValueOf(this.tables, typeName, variant);
    if (value === null) throw this.error(`unknown constructor '${typeName}.${variant}'`, at);
    return value;
  }

  private builtinValue(name: string, at: { readonly span: { readonly line: number } }): Value {
    const value = builtinValueOf(this.tables, name);
    if (value === null) throw this.error(`unknown built-in '${name}'`, at);
    return value;
  }

  private error(what: string, at: { readonly span: { readonly line: number } }): Error {
    return new CompileError(VmMessages.cannotCompile(what, at.span.line));
  }
}
