import { BUILTINS } from './builtins/index.js';
import { type Chunk, type OperandShape, opcodeInfo } from './chunk.js';
import { reprValue } from './display.js';
import type { RecordType, SumType, Value } from './values.js';

/** Names the disassembler prints for program-level indexes (function, type, global). */
export interface DisassemblyContext {
  readonly chunks?: readonly Chunk[];
  readonly recordTypes?: readonly RecordType[];
  readonly sumTypes?: readonly SumType[];
}

const WRAP_NAMES = ['Ok', 'Err', 'Some'];

/**
 * Prints one operand per shape (clox `debug.c` has one helper per instruction shape): the operand table in chunk.ts
 * decides which printer each word gets, so the disassembler never keeps its own list of opcodes.
 */
const OPERAND_PRINTERS: Readonly<
  Record<OperandShape, (word: number, chunk: Chunk, end: number, context: DisassemblyContext) => string>
> = {
  slot: (word) => (word < 0 ? '_' : `s${word}`),
  const: (word, chunk) => `#${word} ${describeConstant(chunk.constants[word])}`,
  imm: (word) => String(word),
  jump: (word, _chunk, end) => `-> ${pad(end + word)}`,
  fn: (word, _chunk, _end, context) => `fn${word} ${context.chunks?.[word]?.name ?? ''}`.trimEnd(),
  argc: (word) => `argc ${word}`,
  global: (word) => `g${word}`,
  builtin: (word) => BUILTINS[word]?.name ?? `builtin ${word}`,
  record: (word, _chunk, _end, context) => context.recordTypes?.[word]?.name ?? `record ${word}`,
  sum: (word, _chunk, _end, context) => context.sumTypes?.[word]?.name ?? `type ${word}`,
  tag: (word) => `tag ${word}`,
  count: (word) => `n ${word}`,
  field: (word) => `.${word}`,
  wrap: (word) => WRAP_NAMES[word] ?? `wrap ${word}`,
};

/**
 * Disassembles one instruction at `offset`: `0004   12 MATCH_INT        s0, 0, -> 0011`. The line column shows
 * `|` when the line is the same as the previous instruction's.
 *
 * @returns The text and the offset of the next instruction.
 */
export function disassembleInstruction(
  chunk: Chunk,
  offset: number,
  context: DisassemblyContext = {},
): { readonly text: string; readonly next: number } {
  const op = chunk.code[offset];
  const info = opcodeInfo(op);
  const line = chunk.lines[offset];
  const sameLine = offset > 0 && chunk.lines[offset - 1] === line;
  const prefix = `${pad(offset)} ${sameLine ? '   |' : String(line).padStart(4)} `;
  if (info === undefined) return { text: `${prefix}<unknown opcode ${op}>`, next: offset + 1 };
  const end = offset + 1 + info.operands.length;
  const operands = info.operands.map((shape, index) =>
    OPERAND_PRINTERS[shape](chunk.code[offset + 1 + index], chunk, end, context),
  );
  const text = operands.length === 0 ? info.name : `${info.name.padEnd(30)} ${operands.join(', ')}`;
  return { text: `${prefix}${text}`, next: end };
}

/**
 * Disassembles a whole chunk: a header with its name, arity, locals and stack size, then every instruction.
 */
export function disassembleChunk(chunk: Chunk, context: DisassemblyContext = {}): string {
  const lines = [
    `== ${chunk.name} (arity ${chunk.arity}, locals ${chunk.localCount}, stack ${chunk.maxStack}) ==`,
  ];
  let offset = 0;
  while (offset < chunk.code.length) {
    const { text, next } = disassembleInstruction(chunk, offset, context);
    lines.push(text);
    offset = next;
  }
  return lines.join('\n');
}

function describeConstant(value: Value): string {
  if (value instanceof Int32Array) return `[${Array.from(value).join(', ')}]`;
  if (value === undefined) return '?';
  return reprValue(value);
}

function pad(offset: number): string {
  return String(offset).padStart(4, '0');
}

/**
 * Disassembles every chunk of a compiled program (what `aver run --dump` prints), in chunk order: functions,
 * buffered variants, `__top_level__`, verify units.
 *
 * @param program - A `CompiledProgram` (anything with its `code` tables).
 */
export function disassemble(program: {
  readonly code: DisassemblyContext & { readonly chunks: readonly Chunk[] };
}): string {
  const context = program.code;
  return context.chunks.map((chunk) => disassembleChunk(chunk, context)).join('\n\n');
}
