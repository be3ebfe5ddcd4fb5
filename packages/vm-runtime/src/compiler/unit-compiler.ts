import type {
  Expr,
  Ident,
  InterpSegment,
  InterpString,
  MatchArm,
  Member,
  NameResolution,
  Stmt,
} from '../ast.js';
import { BUILTIN_CONSTANTS } from '../builtins/index.js';
import { type Chunk, ChunkBuilder, Op } from '../chunk.js';
import type { Type } from '../checker/index.js';
import type { CompileTables } from '../compiler.js';
import { BufferIntrinsic } from '../passes/buffer-build.js';
import type { CodeUnit } from '../passes/code-unit.js';
import { isOwnedType } from '../passes/ownership.js';
import { assertNever } from '../passes/walk.js';
import { EMPTY_LIST, MapValue, normalizeInt, type Value } from '../values.js';
import { VmMessages } from '../vm-messages.js';
import { CompileError } from './compile-error.js';
import { compileCall } from './compile-call.js';
import { compileMatch } from './compile-match.js';
import { compileBinary, compileNegate } from './compile-operator.js';
import { builtinValueOf, constructorValueOf, INT32_MAX, INT32_MIN, variantTagOf } from './constants.js';
import { constructionOf, type KnownValue, readsSlot } from './inline-analysis.js';
import { scalarReplace } from './scalar-replacement.js';
import { compileProjection, compileTracedItems, compileVerifyCase } from './compile-verify.js';

/** `{}`: one shared, permanently shared-flagged empty map (a `Map.set` on it copies). */
const EMPTY_MAP = new MapValue(new Map());
EMPTY_MAP.shared = true;

/**
 * Compiles one code unit to a chunk (the language reference's "Compilation sketch"): statements become
 * `expr; STORE_LOCAL` / `expr; POP`, the result expression is compiled in tail position (tail calls become
 * `TAIL_CALL_SELF`/`TAIL_CALL`, `match` arms return directly), and reads of Vector/Map locals move or share them as
 * `last_use` decided. This class holds the state of one unit's compilation and the expression and statement
 * walk; each larger job lives in its own module, as a function of this compiler:
 *
 * - `compile-call.ts`: calls of functions, built-ins and constructors, record construction and update;
 * - `compile-operator.ts`: operators, with typed opcodes from the checker's `operandKind`;
 * - `compile-match.ts`: `match`, arm by arm with fused `MATCH_*` tests on the subject's slot;
 * - `inline-call.ts`: inlining of small leaf functions;
 * - `scalar-replacement.ts`: records and variants kept as separate locals instead of being built;
 * - `fused-instructions.ts`: compare-and-jump and the fused `Option.withDefault` of a vector read or update.
 */
export class UnitCompiler {
  /** The chunk being written. */
  readonly builder: ChunkBuilder;
  /** The checker's type of every expression. */
  readonly types: Map<Expr, Type>;
  /** `PROPAGATE_ERR` / `PRODUCT_UNWRAP` jumps to patch to the shared return at the end of the chunk. */
  private readonly returnJumps: number[] = [];
  /** Added to every slot while compiling an inlined callee's body (its frame sits above this unit's locals). */
  slotBase = 0;
  /** Frame slots in use: the unit's own locals, then regions of inlined callees and scalar-replaced values. */
  private localCount: number;
  /** The first frame slot above everything in use (where `allocateSlots` takes the next ones). */
  extraTop: number;
  /** Locals (by slot, in the current unit or inlined callee) whose value was never built: their components' slots. */
  known = new Map<number, KnownValue>();
  /** Binder slots that name a component slot of a known value directly. */
  aliases = new Map<number, number>();

  constructor(
    /** The program-wide tables: functions, globals, types, constant values. */
    readonly tables: CompileTables,
    private readonly unit: CodeUnit,
  ) {
    this.builder = new ChunkBuilder(unit.name, unit.params.length);
    this.types = tables.checked.exprTypes;
    this.localCount = unit.localCount;
    this.extraTop = unit.localCount;
  }

  /** Compiles the unit; returns its chunk. */
  compile(): Chunk {
    const unit = this.unit;
    const body = unit.body;
    this.builder.line = unit.decl?.span.line ?? body[0]?.span.line ?? 0;
    switch (unit.kind) {
      case 'function':
      case 'buffered': {
        for (let i = 0; i < body.length - 1; i++) this.stmt(body[i], body.slice(i + 1));
        const last = body[body.length - 1];
        if (last?.kind === 'ExprStmt') this.tail(last.expr);
        else {
          if (last !== undefined) this.stmt(last);
          this.builder.emit(Op.UNIT, 1);
          this.builder.emit(Op.RETURN, 0);
        }
        break;
      }
      case 'topLevel':
        for (const stmt of body) this.stmt(stmt);
        this.builder.emit(Op.UNIT, 1);
        this.builder.emit(Op.RETURN, 0);
        break;
      case 'verify':
        if (unit.verify?.kind === 'domain') {
          this.expr((body[0] as Extract<Stmt, { kind: 'ExprStmt' }>).expr);
          this.builder.emit(Op.RETURN, 0);
        } else compileVerifyCase(this, this.unit);
        break;
      default:
        assertNever(unit.kind);
    }
    if (this.returnJumps.length > 0) {
      const target = this.builder.here();
      for (const at of this.returnJumps) this.builder.patchJump(at, target);
      this.builder.emit(Op.RETURN, 0);
    }
    return this.builder.finish(this.localCount);
  }

  /** The function an effect call in this unit is attributed to (a `__buffered` variant's original function). */
  get caller(): string {
    const name = this.unit.name;
    return this.unit.kind === 'buffered' ? name.slice(0, -'__buffered'.length) : name;
  }

  /**
   * A statement; `rest` are the statements after it in the same body (a binding whose later reads only take its
   * value apart is scalar-replaced: its components get slots and the value is never built).
   */
  stmt(stmt: Stmt, rest: readonly Stmt[] = []): void {
    this.builder.line = stmt.span.line;
    if (stmt.kind === 'ExprStmt') {
      this.expr(stmt.expr);
      this.builder.emit(Op.POP, -1);
      return;
    }
    if (
      stmt.slot !== undefined &&
      this.unit.kind !== 'topLevel' &&
      scalarReplace(this, stmt.slot, stmt.value, rest)
    ) {
      return;
    }
    this.expr(stmt.value);
    this.builder.line = stmt.span.line;
    if (stmt.slot !== undefined) this.builder.emit(Op.STORE_LOCAL, -1, this.local(stmt.slot));
    else {
      const global = this.tables.globalIndex.get(stmt);
      if (global !== undefined && this.unit.kind === 'topLevel')
        this.builder.emit(Op.STORE_GLOBAL, -1, global);
      else this.builder.emit(Op.POP, -1);
    }
  }

  /** Compiles `expr` in tail position: the code returns from the function (or tail-calls) itself. */
  tail(expr: Expr): void {
    if (expr.kind === 'Match') {
      compileMatch(this, expr, true);
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
        this.builder.line = expr.span.line;
        const argc = expr.args.length;
        if (target.qualifiedName === this.unit.name) this.builder.emit(Op.TAIL_CALL_SELF, -argc, argc);
        else this.builder.emit(Op.TAIL_CALL, -argc, this.functionIndex(target.qualifiedName, expr), argc);
        return;
      }
      if (target?.kind === 'builtin' && target.name === BufferIntrinsic.sequence) {
        this.expr(expr.args[0]);
        this.builder.emit(Op.POP, -1);
        this.tail(expr.args[1]);
        return;
      }
    }
    this.expr(expr);
    this.builder.emit(Op.RETURN, -1);
  }

  /** Compiles `expr` so that it pushes exactly one value. */
  expr(expr: Expr): void {
    this.builder.line = expr.span.line;
    switch (expr.kind) {
      case 'IntLit':
        this.int(expr.value);
        return;
      case 'FloatLit':
      case 'StringLit':
        this.constant(expr.value);
        return;
      case 'BoolLit':
        this.builder.emit(expr.value ? Op.TRUE : Op.FALSE, 1);
        return;
      case 'UnitLit':
        this.builder.emit(Op.UNIT, 1);
        return;
      case 'Interp':
        this.interpolation(expr);
        return;
      case 'Ident':
        this.name(expr, expr.resolution);
        return;
      case 'Member':
        if (expr.projection !== undefined) compileProjection(this, expr.projection, false);
        else if (expr.resolution?.kind === 'field') this.field(expr, expr.resolution.index);
        else this.name(expr, expr.resolution);
        return;
      case 'Call':
        if (expr.projection !== undefined) compileProjection(this, expr.projection, false);
        else compileCall(this, expr);
        return;
      case 'Binary':
        compileBinary(this, expr);
        return;
      case 'Negate':
        compileNegate(this, expr);
        return;
      case 'Tuple':
        for (const item of expr.items) this.expr(item);
        this.builder.emit(Op.TUPLE_NEW, 1 - expr.items.length, expr.items.length);
        return;
      case 'List':
        if (expr.items.length === 0) {
          this.constant(EMPTY_LIST);
          return;
        }
        for (const item of expr.items) this.expr(item);
        this.builder.line = expr.span.line;
        this.builder.emit(Op.LIST_NEW, 1 - expr.items.length, expr.items.length);
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
        this.builder.line = expr.span.line;
        this.builder.emit(Op.MAP_NEW, 1 - 2 * expr.entries.length, expr.entries.length);
        return;
      case 'Match':
        compileMatch(this, expr, false);
        return;
      case 'Try':
        this.expr(expr.expr);
        this.builder.line = expr.span.line;
        this.returnJumps.push(this.builder.emit(Op.PROPAGATE_ERR, 0, 0));
        return;
      case 'Product': {
        const count = expr.items.length;
        if (this.tables.oracle !== null) compileTracedItems(this, expr.items);
        else for (const item of expr.items) this.expr(item);
        this.builder.line = expr.span.line;
        if (expr.unwrap) this.returnJumps.push(this.builder.emit(Op.PRODUCT_UNWRAP, 1 - count, count, 0));
        else this.builder.emit(Op.TUPLE_NEW, 1 - count, count);
        return;
      }
      default:
        assertNever(expr);
    }
  }

  /** Reserves `count` frame slots above everything in use; returns the first. */
  allocateSlots(count: number): number {
    const first = this.extraTop;
    this.extraTop += count;
    this.localCount = Math.max(this.localCount, this.extraTop);
    return first;
  }

  /** A slot operand: the unit's own slot, or an inlined callee's slot shifted above the unit's locals. */
  local(slot: number): number {
    if (slot < 0) return slot;
    return this.aliases.get(slot) ?? slot + this.slotBase;
  }

  /** Pushes an Int: an immediate when it fits an `i32` word, else a constant. */
  int(value: bigint): void {
    if (value >= INT32_MIN && value <= INT32_MAX) this.builder.emit(Op.INT, 1, Number(value));
    else this.constant(normalizeInt(value));
  }

  /** Pushes a value from the constant pool. */
  constant(value: Value): void {
    this.builder.emit(Op.CONST, 1, this.builder.addConstant(value));
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
      this.builder.line = expr.span.line;
      if (segment.display === 'int') this.builder.emit(Op.TO_STRING_INT, 0);
      else if (segment.display === 'float') this.builder.emit(Op.TO_STRING_FLOAT, 0);
      else if (segment.display === 'value') this.builder.emit(Op.TO_STRING, 0);
    }
    if (segments.length > 1) this.builder.emit(Op.STRING_CONCAT, 1 - segments.length, segments.length);
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
      case 'constant': {
        const constant = BUILTIN_CONSTANTS.get(resolution.name);
        if (constant === undefined) throw this.error(`unknown built-in value '${resolution.name}'`, expr);
        this.constant(constant.value);
        return;
      }
      case 'global': {
        const index = this.tables.globalByName.get(resolution.qualifiedName);
        if (index === undefined) throw this.error(`unknown global '${resolution.qualifiedName}'`, expr);
        this.builder.emit(Op.LOAD_GLOBAL, 1, index);
        return;
      }
      default:
        throw this.error(`unresolved name '${expr.kind === 'Ident' ? expr.name : expr.name}'`, expr);
    }
  }

  /** Pushes a local: a move at the last read of a Vector/Map, a sharing read before it, a plain read otherwise. */
  readLocal(ident: Ident): void {
    const slot = ident.slot;
    if (slot === undefined) throw this.error(`local '${ident.name}' has no slot`, ident);
    if (this.known.has(slot)) throw this.error(`local '${ident.name}' was taken apart`, ident);
    if (!isOwnedType(this.types.get(ident))) this.builder.emitLoadLocal(this.local(slot));
    else this.builder.emit(ident.lastUse === true ? Op.MOVE_LOCAL : Op.LOAD_LOCAL_SHARE, 1, this.local(slot));
  }

  /** `record.field`; a Vector or Map taken out of a record that stays alive is marked shared. */
  private field(member: Member, index: number): void {
    const object = member.object;
    const known =
      object.kind === 'Ident' && object.slot !== undefined ? this.known.get(object.slot) : undefined;
    const built = constructionOf(object);
    if (known !== undefined) {
      this.builder.line = member.span.line;
      this.builder.emitLoadLocal(known.components[index]);
    } else if (built !== null) {
      // `R(f = a, g = b).g`: evaluate every field in order, keep the one read.
      built.components.forEach((component, position) => {
        this.expr(component);
        if (built.positions[position] !== index) this.builder.emit(Op.POP, -1);
      });
    } else if (object.kind === 'Ident' && object.resolution?.kind === 'local' && object.slot !== undefined) {
      this.builder.line = member.span.line;
      this.builder.emit(Op.LOAD_FIELD, 1, this.local(object.slot), index);
    } else {
      this.expr(object);
      this.builder.line = member.span.line;
      this.builder.emit(Op.RECORD_GET, 0, index);
    }
    if (isOwnedType(this.types.get(member))) this.builder.emit(Op.SHARE, 0);
  }

  /**
   * Arguments of a built-in that only looks at them: a Vector or Map local is read without marking it shared when
   * no later argument reads the same local (see `BORROWING_BUILTINS`).
   */
  borrowingArgs(args: readonly Expr[]): void {
    args.forEach((arg, index) => {
      if (arg.kind === 'Ident' && arg.slot !== undefined && isOwnedType(this.types.get(arg))) {
        const later = args.slice(index + 1);
        if (!later.some((other) => readsSlot(other, arg.slot!))) {
          this.builder.line = arg.span.line;
          this.builder.emitLoadLocal(this.local(arg.slot));
          return;
        }
      }
      this.expr(arg);
    });
  }

  /** The body of a `match` arm, in tail position when the `match` is. */
  armBody(arm: MatchArm, tail: boolean): void {
    this.builder.line = arm.span.line;
    if (tail) this.tail(arm.body);
    else this.expr(arm.body);
  }

  /** The index of a compiled function (the `fn` operand). */
  functionIndex(name: string, at: { readonly span: { readonly line: number } }): number {
    const index = this.tables.functionIndex.get(name);
    if (index === undefined) throw this.error(`unknown function '${name}'`, at);
    return index;
  }

  /** The index of a record type (the `record` operand). */
  recordIndex(name: string, at: { readonly span: { readonly line: number } }): number {
    const index = this.tables.recordIndex.get(name);
    if (index === undefined) throw this.error(`unknown record type '${name}'`, at);
    return index;
  }

  /** The tag of a variant within its user sum type. */
  variantTag(typeName: string, variant: string, at: { readonly span: { readonly line: number } }): number {
    const tag = variantTagOf(this.tables, typeName, variant);
    if (tag === null) throw this.error(`unknown variant '${typeName}.${variant}'`, at);
    return tag;
  }

  /** A constructor in value position (a nullary variant, or the function that builds it). */
  variantValue(typeName: string, variant: string, at: { readonly span: { readonly line: number } }): Value {
    const value = constructorValueOf(this.tables, typeName, variant);
    if (value === null) throw this.error(`unknown constructor '${typeName}.${variant}'`, at);
    return value;
  }

  /** A built-in in value position. */
  builtinValue(name: string, at: { readonly span: { readonly line: number } }): Value {
    const value = builtinValueOf(this.tables, name);
    if (value === null) throw this.error(`unknown built-in '${name}'`, at);
    return value;
  }

  /** A compile error at a node (a construct the checker left unannotated: a bug, not a user error). */
  error(what: string, at: { readonly span: { readonly line: number } }): Error {
    return new CompileError(VmMessages.cannotCompile(what, at.span.line));
  }
}
