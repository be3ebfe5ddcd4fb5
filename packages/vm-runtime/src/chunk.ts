import type { Value } from './values.js';

/**
 * The bytecode format (the language reference's "Code objects and frames" and "Opcode set"): one opcode table and
 * the `Chunk` that holds a compiled function. An instruction is an opcode word followed by its operand words, all
 * `i32` in an `Int32Array` (word code decodes faster in JS than byte code). Jump offsets are relative to the end of
 * the instruction. The VM loop (`vm.ts`) names its cases through `Op`; the disassembler (`debug.ts`) prints operands
 * by their shape below.
 */

/** What an operand word means; the disassembler has one printer per shape. */
export type OperandShape =
  | 'slot' // frame slot (local)
  | 'const' // index into the chunk's constant pool
  | 'imm' // an immediate Int
  | 'jump' // signed offset from the end of the instruction
  | 'fn' // index of a compiled function
  | 'argc' // argument count
  | 'global' // index of a global
  | 'builtin' // index into the built-in table
  | 'record' // index of a record type
  | 'sum' // index of a sum type
  | 'tag' // variant index within its sum type
  | 'count' // number of items taken from the stack
  | 'field' // field, payload or tuple item index
  | 'wrap'; // WrapKind: 0 Ok, 1 Err, 2 Some

/** One row of the opcode table: its number, name, operand shapes and stack effect (for the reader). */
export interface OpcodeInfo {
  readonly code: number;
  readonly name: string;
  readonly operands: readonly OperandShape[];
  readonly effect: string;
}

function row<const N extends string>(
  code: number,
  name: N,
  operands: readonly OperandShape[],
  effect: string,
): OpcodeInfo & { readonly name: N } {
  return { code, name, operands, effect };
}

/**
 * Every opcode. Numbers are stable within a build only (the reference declares its bytecode internal). The VM loop
 * names them through `Op`, and the build turns those names into number literals (`scripts/inline-opcodes.mjs`), so
 * V8 builds a jump table; a test checks the loop has one case per row, in table order.
 */
export const OPCODES = [
  row(1, 'CONST', ['const'], 'push constant'),
  row(2, 'UNIT', [], 'push Unit'),
  row(3, 'TRUE', [], 'push true'),
  row(4, 'FALSE', [], 'push false'),
  row(5, 'INT', ['imm'], 'push a small Int'),
  row(6, 'LOAD_LOCAL', ['slot'], 'push local'),
  row(7, 'LOAD_LOCAL_SHARE', ['slot'], 'push local and mark its Vector/Map shared (not its last use)'),
  row(8, 'MOVE_LOCAL', ['slot'], 'push local and clear the slot (last use: ownership moves to the stack)'),
  row(9, 'STORE_LOCAL', ['slot'], 'pop into local'),
  row(10, 'LOAD_LOCAL_2', ['slot', 'slot'], 'push two locals'),
  row(11, 'LOAD_GLOBAL', ['global'], 'push global'),
  row(12, 'STORE_GLOBAL', ['global'], 'pop into global (marks a Vector/Map shared)'),
  row(13, 'POP', [], 'drop top'),
  row(14, 'SHARE', [], 'mark the Vector/Map on top shared'),
  row(15, 'LOAD_FIELD', ['slot', 'field'], 'push field of the record in a local'),
  row(16, 'SHARE_LOCAL', ['slot'], 'mark the Vector/Map in a local shared'),
  row(17, 'LOCAL_ADD_INT_IMM', ['slot', 'imm'], 'push local + imm (fused LOAD_LOCAL; ADD_INT_IMM)'),
  row(18, 'LOCAL_SUB_INT_IMM', ['slot', 'imm'], 'push local - imm (fused LOAD_LOCAL; SUB_INT_IMM)'),
  row(20, 'ADD_INT', [], 'a + b (wrapping i64)'),
  row(21, 'SUB_INT', [], 'a - b (wrapping i64)'),
  row(22, 'MUL_INT', [], 'a * b (wrapping i64)'),
  row(23, 'DIV_INT', [], 'a / b truncating; error on 0'),
  row(24, 'NEG_INT', [], '0 - a (wrapping)'),
  row(25, 'ADD_INT_IMM', ['imm'], 'a + imm'),
  row(26, 'SUB_INT_IMM', ['imm'], 'a - imm'),
  row(27, 'ADD_FLOAT', [], 'a + b'),
  row(28, 'SUB_FLOAT', [], 'a - b'),
  row(29, 'MUL_FLOAT', [], 'a * b'),
  row(30, 'DIV_FLOAT', [], 'a / b (IEEE)'),
  row(31, 'NEG_FLOAT', [], '0.0 - a'),
  row(32, 'CONCAT_STR', [], 'a + b for Strings'),
  row(35, 'EQ_PRIM', [], 'a == b for Int, String, Bool, Unit'),
  row(36, 'NE_PRIM', [], 'a != b for Int, String, Bool, Unit'),
  row(37, 'EQ_FLOAT', [], 'a == b for Float (NaN equals NaN)'),
  row(38, 'NE_FLOAT', [], 'a != b for Float'),
  row(39, 'EQ', [], 'deep structural a == b'),
  row(40, 'NE', [], 'deep structural a != b'),
  row(41, 'LT_NUM', [], 'a < b for Int or Float'),
  row(42, 'LE_NUM', [], 'a <= b for Int or Float'),
  row(43, 'GT_NUM', [], 'a > b for Int or Float'),
  row(44, 'GE_NUM', [], 'a >= b for Int or Float'),
  row(45, 'LT_STR', [], 'a < b by code point'),
  row(46, 'LE_STR', [], 'a <= b by code point'),
  row(47, 'GT_STR', [], 'a > b by code point'),
  row(48, 'GE_STR', [], 'a >= b by code point'),
  row(50, 'JUMP', ['jump'], 'ip += off'),
  row(51, 'JUMP_IF_FALSE', ['jump'], 'pop; jump if false'),
  row(53, 'JUMP_IF_NOT_LT', ['jump'], 'pop b, a; jump unless a < b (Int or Float)'),
  row(54, 'JUMP_IF_NOT_LE', ['jump'], 'pop b, a; jump unless a <= b'),
  row(55, 'JUMP_IF_NOT_GT', ['jump'], 'pop b, a; jump unless a > b'),
  row(56, 'JUMP_IF_NOT_GE', ['jump'], 'pop b, a; jump unless a >= b'),
  row(57, 'JUMP_IF_NOT_EQ', ['jump'], 'pop b, a; jump unless a === b (Int, String, Bool)'),
  row(58, 'JUMP_IF_EQ', ['jump'], 'pop b, a; jump if a === b (Int, String, Bool)'),
  row(60, 'CALL', ['fn', 'argc'], 'args → result; opens a frame'),
  row(61, 'TAIL_CALL_SELF', ['argc'], 'args overwrite the params; restart the function (constant space)'),
  row(62, 'TAIL_CALL', ['fn', 'argc'], 'mutual tail call: reuse the frame for another function'),
  row(63, 'CALL_VALUE', ['argc'], 'callee under args → result (fn, built-in or constructor value)'),
  row(64, 'CALL_BUILTIN', ['builtin', 'argc'], 'args → result through the built-in table'),
  row(65, 'RETURN', [], 'pop result, close the frame, push result for the caller'),
  row(66, 'PROPAGATE_ERR', ['jump'], 'Result on top: Ok → payload; Err → jump to the return with it'),
  row(67, 'MATCH_FAIL', [], 'runtime error: non-exhaustive match'),
  row(68, 'RETURN_LOCAL', ['slot'], 'return a local (fused LOAD_LOCAL; RETURN)'),
  row(70, 'LIST_NEW', ['count'], 'pop n items → list (first item is the head)'),
  row(71, 'LIST_PREPEND', [], 'pop list, pop item → cons'),
  row(72, 'LIST_LEN', [], 'pop list → Int'),
  row(73, 'TUPLE_NEW', ['count'], 'pop n items → tuple'),
  row(74, 'RECORD_NEW', ['record', 'count'], 'pop fields in declaration order → record'),
  row(
    75,
    'RECORD_NEW_PERM',
    ['record', 'const'],
    'pop fields in source order, place them by the permutation constant',
  ),
  row(76, 'RECORD_GET', ['field'], 'pop record → field'),
  row(
    77,
    'RECORD_UPDATE',
    ['record', 'const'],
    'pop base and new values for the fields listed in the constant → record',
  ),
  row(78, 'VARIANT_NEW', ['sum', 'tag', 'count'], 'pop payload → variant'),
  row(79, 'WRAP', ['wrap'], 'pop → Result.Ok / Result.Err / Option.Some'),
  row(80, 'MAP_NEW', ['count'], 'pop n key/value pairs → map'),
  row(
    81,
    'PRODUCT_UNWRAP',
    ['count', 'jump'],
    'pop n Results: all Ok → tuple of payloads; else jump to the return with the first Err',
  ),
  row(90, 'MATCH_INT', ['slot', 'imm', 'jump'], 'jump unless local === imm'),
  row(91, 'MATCH_CONST', ['slot', 'const', 'jump'], 'jump unless local equals the literal'),
  row(92, 'MATCH_NIL', ['slot', 'jump'], 'jump unless the list in local is empty'),
  row(93, 'MATCH_CONS', ['slot', 'jump'], 'jump if the list in local is empty'),
  row(94, 'MATCH_VARIANT', ['slot', 'tag', 'jump'], 'jump unless the variant in local has this tag'),
  row(95, 'MATCH_WRAP', ['slot', 'wrap', 'jump'], 'jump unless local is Ok / Err / Some'),
  row(96, 'MATCH_NONE', ['slot', 'jump'], 'jump unless local is Option.None'),
  row(100, 'UNCONS', ['slot', 'slot', 'slot'], 'list in local → head, tail locals (-1: skip)'),
  row(101, 'FIELD_TO_LOCAL', ['slot', 'field', 'slot'], 'variant payload item → local'),
  row(102, 'ITEM_TO_LOCAL', ['slot', 'field', 'slot'], 'tuple item → local'),
  row(103, 'UNWRAP_TO_LOCAL', ['slot', 'slot'], 'Ok/Err/Some payload → local'),
  row(110, 'TO_STRING', [], 'value → its display text (interpolation)'),
  row(111, 'TO_STRING_INT', [], 'Int → decimal text'),
  row(112, 'TO_STRING_FLOAT', [], 'Float → Rust Display text'),
  row(113, 'STRING_CONCAT', ['count'], 'pop n Strings → one String (an interpolation buffer)'),
  row(120, 'BUFFER_NEW', [], 'pop separator → string buffer'),
  row(
    121,
    'BUFFER_APPEND_SEP_UNLESS_FIRST',
    [],
    'pop String; append separator (not before the first) and it',
  ),
  row(122, 'BUFFER_FINALIZE', [], 'pop buffer → String'),
  row(130, 'VECTOR_GET', [], 'pop index, vector → Option'),
  row(131, 'VECTOR_GET_OR', [], 'pop default, index, vector → item or default'),
  row(
    132,
    'VECTOR_SET_OR_KEEP',
    [],
    'pop item, index, vector → updated vector (in place when unshared) or the same',
  ),
] as const;

/** The name of an opcode. */
export type OpName = (typeof OPCODES)[number]['name'];

/** Opcode numbers by name, derived from `OPCODES`, for the compiler and the disassembler. */
export const Op = Object.freeze(Object.fromEntries(OPCODES.map((info) => [info.name, info.code]))) as {
  readonly [K in OpName]: number;
};

/** Instructions that fuse with a `LOAD_LOCAL` just before them, and what they become. */
const FUSIONS_AFTER_LOAD_LOCAL: ReadonlyMap<number, number> = new Map([
  [Op.ADD_INT_IMM, Op.LOCAL_ADD_INT_IMM],
  [Op.SUB_INT_IMM, Op.LOCAL_SUB_INT_IMM],
  [Op.RETURN, Op.RETURN_LOCAL],
]);

const INFO_BY_CODE: (OpcodeInfo | undefined)[] = [];
for (const info of OPCODES) INFO_BY_CODE[info.code] = info;

/** The table row of an opcode number, or `undefined` for a number that is not an opcode. */
export function opcodeInfo(code: number): OpcodeInfo | undefined {
  return INFO_BY_CODE[code];
}

/** One past the largest opcode number (the size of per-opcode count arrays). */
export const OPCODE_LIMIT = INFO_BY_CODE.length;

/** A compiled function: its code, constants, source lines and frame layout (clox `Chunk` + `ObjFunction`). */
export interface Chunk {
  /** Qualified name: `fib`, `Data.Fibonacci.fib`, `fib__buffered`, `__top_level__`, `<verify …>`. */
  readonly name: string;
  readonly arity: number;
  /** Frame slots: params first, then bindings, pattern binders and temporaries. */
  readonly localCount: number;
  /** The deepest the operand stack gets above the locals. */
  readonly maxStack: number;
  readonly code: Int32Array;
  /** Source line of each code word (so the line of any instruction is `lines[ip]` for any of its words). */
  readonly lines: Int32Array;
  readonly constants: readonly Value[];
}

/** Builds a `Chunk` word by word (clox `writeChunk`/`addConstant`), tracking the operand stack depth. */
export class ChunkBuilder {
  private readonly code: number[] = [];
  private readonly lines: number[] = [];
  private readonly constants: Value[] = [];
  private readonly constantIndex = new Map<string, number>();
  /** Start of the last instruction written, and the last position a jump may land on (no fusion across it). */
  private lastAt = -1;
  private label = -1;
  /** The source line given to the words written next. */
  line = 0;
  /** Current and deepest operand stack depth above the locals. */
  depth = 0;
  maxDepth = 0;

  constructor(
    readonly name: string,
    readonly arity: number,
  ) {}

  /**
   * Appends an instruction; `stackEffect` is its net change of the operand stack depth. A `LOAD_LOCAL` right before
   * `ADD_INT_IMM`, `SUB_INT_IMM` or `RETURN` (with no jump landing between them) fuses with it.
   */
  emit(op: number, stackEffect: number, ...operands: number[]): number {
    const fused = FUSIONS_AFTER_LOAD_LOCAL.get(op);
    if (fused !== undefined && this.afterLoadLocal()) {
      const at = this.lastAt;
      this.code[at] = fused;
      this.code.push(...operands);
      for (let i = 0; i < operands.length; i++) this.lines.push(this.line);
      this.adjustDepth(stackEffect);
      return at;
    }
    const at = this.code.length;
    this.code.push(op, ...operands);
    for (let i = 0; i <= operands.length; i++) this.lines.push(this.line);
    this.lastAt = at;
    this.adjustDepth(stackEffect);
    return at;
  }

  /**
   * Appends `LOAD_LOCAL slot`, fused into `LOAD_LOCAL_2` with a `LOAD_LOCAL` just before it when no jump lands
   * between the two.
   */
  emitLoadLocal(slot: number): void {
    if (this.afterLoadLocal()) {
      this.code[this.lastAt] = Op.LOAD_LOCAL_2;
      this.code.push(slot);
      this.lines.push(this.line);
      this.adjustDepth(1);
      return;
    }
    this.emit(Op.LOAD_LOCAL, 1, slot);
  }

  /** True when the last instruction is a `LOAD_LOCAL` ending here and no jump lands here. */
  private afterLoadLocal(): boolean {
    const previous = this.lastAt;
    return (
      previous >= 0 &&
      previous === this.code.length - 2 &&
      this.code[previous] === Op.LOAD_LOCAL &&
      this.label !== this.code.length
    );
  }

  /** The position of the next instruction, marked as a jump target. */
  here(): number {
    this.label = this.code.length;
    return this.label;
  }

  /** Records a stack depth change not tied to one instruction (e.g. the join point after a branch). */
  adjustDepth(delta: number): void {
    this.depth += delta;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  /** Points the jump operand (the last operand) of the instruction at `at` to `target`. */
  patchJump(at: number, target: number): void {
    const end = at + 1 + this.operandCount(at);
    this.code[end - 1] = target - end;
  }

  /** Adds a constant (deduplicated for primitives) and returns its index. */
  addConstant(value: Value): number {
    const key = constantKey(value);
    if (key !== null) {
      const existing = this.constantIndex.get(key);
      if (existing !== undefined) return existing;
    }
    this.constants.push(value);
    const index = this.constants.length - 1;
    if (key !== null) this.constantIndex.set(key, index);
    return index;
  }

  /** Freezes the builder into a `Chunk`. */
  finish(localCount: number): Chunk {
    return {
      name: this.name,
      arity: this.arity,
      localCount,
      maxStack: this.maxDepth,
      code: Int32Array.from(this.code),
      lines: Int32Array.from(this.lines),
      constants: this.constants,
    };
  }

  private operandCount(at: number): number {
    const info = opcodeInfo(this.code[at]);
    if (info === undefined) throw new Error(`Internal error: no opcode at ${at}`);
    return info.operands.length;
  }
}

/** A dedup key per primitive constant, tagged by type so `"1"`, `1` and `1n` stay apart (and `-0` apart from `0`). */
function constantKey(value: Value): string | null {
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return Object.is(value, -0) ? 'n-0' : 'n' + value;
    case 'bigint':
      return 'b' + value;
    case 'boolean':
      return value ? 'T' : 'F';
    default:
      return null;
  }
}
