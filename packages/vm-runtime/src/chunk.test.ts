import { describe, expect, it } from 'vitest';
import { ChunkBuilder, OPCODE_LIMIT, OPCODES, Op, opcodeInfo } from './chunk.js';

describe('the opcode table', () => {
  it('gives every opcode a distinct number and a distinct name', () => {
    const codes = OPCODES.map((info) => info.code);
    const names = OPCODES.map((info) => info.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
    expect(Math.max(...codes)).toBe(OPCODE_LIMIT - 1);
  });

  it('derives Op and opcodeInfo from the same rows', () => {
    for (const info of OPCODES) {
      expect(Op[info.name]).toBe(info.code);
      expect(opcodeInfo(info.code)).toBe(info);
    }
    expect(opcodeInfo(OPCODE_LIMIT + 5)).toBeUndefined();
  });

  it('puts the jump operand last on every instruction that jumps', () => {
    for (const info of OPCODES) {
      const jump = info.operands.indexOf('jump');
      if (jump >= 0) expect(jump).toBe(info.operands.length - 1);
    }
  });
});

describe('ChunkBuilder', () => {
  it('tracks the deepest operand stack and the line of every word', () => {
    const builder = new ChunkBuilder('f', 1);
    builder.line = 3;
    builder.emit(Op.INT, 1, 7);
    builder.line = 4;
    builder.emit(Op.INT, 1, 8);
    builder.emit(Op.ADD_INT, -1);
    builder.emit(Op.RETURN, -1);
    const chunk = builder.finish(2);
    expect(Array.from(chunk.code)).toEqual([Op.INT, 7, Op.INT, 8, Op.ADD_INT, Op.RETURN]);
    expect(Array.from(chunk.lines)).toEqual([3, 3, 4, 4, 4, 4]);
    expect(chunk.maxStack).toBe(2);
    expect(chunk.localCount).toBe(2);
    expect(chunk.arity).toBe(1);
  });

  it('patches a jump relative to the end of its instruction', () => {
    const builder = new ChunkBuilder('f', 0);
    const jump = builder.emit(Op.MATCH_INT, 0, 0, 5, 0);
    builder.emit(Op.UNIT, 1);
    builder.patchJump(jump, builder.here());
    expect(builder.finish(1).code[3]).toBe(1);
  });

  it('deduplicates primitive constants by type, keeping 1, 1n and "1" apart', () => {
    const builder = new ChunkBuilder('f', 0);
    const indexes = [1, 1n, '1', 1, '1', -0, 0, Number.NaN, Number.NaN].map((value) =>
      builder.addConstant(value),
    );
    expect(indexes).toEqual([0, 1, 2, 0, 2, 3, 4, 5, 5]);
  });

  it('fuses two local loads into LOAD_LOCAL_2 unless a jump lands between them', () => {
    const fused = new ChunkBuilder('f', 2);
    fused.emitLoadLocal(0);
    fused.emitLoadLocal(1);
    expect(Array.from(fused.finish(2).code)).toEqual([Op.LOAD_LOCAL_2, 0, 1]);

    const split = new ChunkBuilder('f', 2);
    split.emitLoadLocal(0);
    split.here();
    split.emitLoadLocal(1);
    expect(Array.from(split.finish(2).code)).toEqual([Op.LOAD_LOCAL, 0, Op.LOAD_LOCAL, 1]);
  });
});
