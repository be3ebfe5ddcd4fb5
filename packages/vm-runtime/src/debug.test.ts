import { describe, expect, it } from 'vitest';
import { ChunkBuilder, OPCODES, Op } from './chunk.js';
import { disassemble, disassembleChunk, disassembleInstruction } from './debug.js';
import { compileText, source } from './test-helpers.js';

describe('the disassembler', () => {
  it('prints a chunk with its header, offsets, lines and operands by shape', () => {
    const program = compileText(
      source(`
        fn fib(n: Int) -> Int
            match n
                0 -> 0
                1 -> 1
                _ -> fib(n - 1) + fib(n - 2)
      `),
    );
    const text = disassembleChunk(program.code.chunks[0], program.code);
    expect(text).toBe(
      [
        '== fib (arity 1, locals 1, stack 2) ==',
        '0000    3 MATCH_INT                      s0, 0, -> 0007',
        '0004    | INT                            0',
        '0006    | RETURN',
        '0007    4 MATCH_INT                      s0, 1, -> 0014',
        '0011    | INT                            1',
        '0013    | RETURN',
        '0014    5 LOCAL_SUB_INT_IMM              s0, 1',
        '0017    | CALL                           fn0 fib, argc 1',
        '0020    | LOCAL_SUB_INT_IMM              s0, 2',
        '0023    | CALL                           fn0 fib, argc 1',
        '0026    | ADD_INT',
        '0027    | RETURN',
      ].join('\n'),
    );
  });

  it('can print every opcode of the table, with one printer per operand shape', () => {
    for (const info of OPCODES) {
      const builder = new ChunkBuilder('all', 0);
      builder.addConstant('k');
      builder.emit(info.code, 0, ...info.operands.map(() => 0));
      const { text, next } = disassembleInstruction(builder.finish(0), 0);
      expect(text).toContain(info.name);
      expect(next).toBe(1 + info.operands.length);
    }
  });

  it('shows constants, types and built-ins by name', () => {
    const program = compileText(
      source(`
        record Point
            x: Int
            y: Int

        fn main() -> List<Point>
            p = Point(y = List.len(String.chars("ab")), x = 1)
            [p]
      `),
    );
    const text = disassemble(program);
    expect(text).toContain('RECORD_NEW_PERM                Point, #1 [1, 0]');
    expect(text).toContain('CALL_BUILTIN                   String.chars, argc 1');
    expect(text).toContain('LIST_LEN');
    expect(text).toContain('CONST                          #0 "ab"');
    expect(text).toContain('== __top_level__');
  });

  it('marks an unknown word instead of failing', () => {
    const builder = new ChunkBuilder('odd', 0);
    builder.emit(Op.UNIT, 1);
    const chunk = builder.finish(0);
    const broken = { ...chunk, code: Int32Array.from([250]) };
    expect(disassembleInstruction(broken, 0).text).toContain('<unknown opcode 250>');
  });
});
