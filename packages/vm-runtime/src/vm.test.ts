import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inlineOpcodes, LOOP_FILES } from '../scripts/inline-opcodes.mjs';
import { BUILTIN_INDEX, BUILTINS } from './builtins/index.js';
import { type Chunk, ChunkBuilder, OPCODES, Op } from './chunk.js';
import { AverRuntimeError } from './errors.js';
import {
  type ListValue,
  listToArray,
  MapValue,
  type Value,
  VectorValue,
  WrapKind,
  WrapValue,
} from './values.js';
import { CountingState } from './counting-state.js';
import { runLoop } from './vm.js';
import { growStack, type ProgramCode, Run } from './vm-support.js';
import { runLoopCounting } from './vm-counting.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds a chunk from `(builder) => …` with the given arity and local count. */
function chunk(name: string, arity: number, locals: number, write: (b: ChunkBuilder) => void): Chunk {
  const builder = new ChunkBuilder(name, arity);
  builder.line = 1;
  write(builder);
  return builder.finish(locals);
}

function program(chunks: Chunk[]): ProgramCode {
  return {
    chunks,
    builtinImpls: BUILTINS.map((row) => row.impl),
    builtinAllocates: new Uint8Array(BUILTINS.length),
    recordTypes: [],
    sumTypes: [],
    globalCount: 0,
  };
}

/** Runs chunk 0 of a hand-assembled program with `args`. */
function run(chunks: Chunk[], args: Value[] = [], maxFrames = 1000, timeoutMs: number | null = null): Value {
  const stack: Value[] = [];
  growStack(stack, 16);
  args.forEach((arg, index) => {
    stack[index] = arg;
  });
  const host = { writeOut: () => {}, writeErr: () => {}, readLine: () => null, args: [] };
  return runLoop(new Run(program(chunks), stack, [], [], host, maxFrames, timeoutMs, null, null), 0);
}

describe('the VM loop', () => {
  it('switches on exactly the opcodes of the table, each case named through Op', () => {
    const source = readFileSync(join(here, 'vm.ts'), 'utf8');
    const loop = source.slice(source.indexOf('// @loop-start'), source.indexOf('// @loop-end'));
    expect([...loop.matchAll(/case ([^:]+):/g)].map(([, label]) => label)).toEqual(
      OPCODES.map((info) => `Op.${info.name}`),
    );
  });

  const built = LOOP_FILES.map((file) => join(here, '..', 'dist', file.replace(/\.ts$/, '.js')));
  it.skipIf(!built.every((path) => existsSync(path)))(
    'is built with number literals as case labels (a jump table for V8), in both loops',
    () => {
      for (const path of built) {
        const labels = [...readFileSync(path, 'utf8').matchAll(/case ([^:]+):/g)].map(([, label]) => label);
        expect(labels).toEqual(OPCODES.map((info) => `${info.code} /* ${info.name} */`));
      }
    },
  );

  it('inlines opcode names as numbers and rejects a name that is not an opcode', () => {
    expect(inlineOpcodes('case Op.CALL: x = Op.RETURN; // Op', { CALL: 60, RETURN: 65 })).toBe(
      'case 60 /* CALL */: x = 65 /* RETURN */; // Op',
    );
    expect(() => inlineOpcodes('case Op.NOPE:', { CALL: 60 })).toThrow('Op.NOPE is not an opcode');
  });

  it('adds Ints exactly past 2^53 and wraps at 64 bits', () => {
    const add = (a: Value, b: Value) =>
      run(
        [
          chunk('add', 2, 2, (b) => {
            b.emit(Op.LOAD_LOCAL_2, 2, 0, 1);
            b.emit(Op.ADD_INT, -1);
            b.emit(Op.RETURN, -1);
          }),
        ],
        [a, b],
      );
    expect(add(1, 2)).toBe(3);
    expect(add(9007199254740991, 2)).toBe(9007199254740993n);
    expect(add(9223372036854775807n, 1)).toBe(-9223372036854775808n);
    expect(add(9007199254740993n, -2)).toBe(9007199254740991);
  });

  it('multiplies to +0, never -0', () => {
    const result = run([
      chunk('mul', 0, 0, (b) => {
        b.emit(Op.INT, 1, 0);
        b.emit(Op.INT, 1, -5);
        b.emit(Op.MUL_INT, -1);
        b.emit(Op.RETURN, -1);
      }),
    ]);
    expect(Object.is(result, 0)).toBe(true);
  });

  it('fails a division by zero with the line of the instruction', () => {
    const divide = chunk('divide', 0, 0, (b) => {
      b.line = 7;
      b.emit(Op.INT, 1, 1);
      b.line = 9;
      b.emit(Op.INT, 1, 0);
      b.emit(Op.DIV_INT, -1);
      b.emit(Op.RETURN, -1);
    });
    const error = (() => {
      try {
        run([divide]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AverRuntimeError);
    expect((error as AverRuntimeError).format()).toBe('Runtime error [line 9]: division by zero');
  });

  it('reports a failed match with its line', () => {
    const fail = chunk('fail', 0, 0, (b) => {
      b.line = 12;
      b.emit(Op.MATCH_FAIL, 0);
    });
    expect(() => run([fail])).toThrow('Non-exhaustive match at line 12');
  });

  it('calls and returns through its own frame stack', () => {
    // main() = double(20) + 2, double(x) = x + x
    const main = chunk('main', 0, 0, (b) => {
      b.emit(Op.INT, 1, 20);
      b.emit(Op.CALL, 0, 1, 1);
      b.emit(Op.ADD_INT_IMM, 0, 2);
      b.emit(Op.RETURN, -1);
    });
    const double = chunk('double', 1, 1, (b) => {
      b.emit(Op.LOAD_LOCAL_2, 2, 0, 0);
      b.emit(Op.ADD_INT, -1);
      b.emit(Op.RETURN, -1);
    });
    expect(run([main, double])).toBe(42);
  });

  it('runs a self tail call in constant frame space', () => {
    // loop(n, acc) = n == 0 ? acc : loop(n - 1, acc + n), one million steps with two frames allowed
    const loop = chunk('loop', 2, 2, (b) => {
      const step = b.emit(Op.MATCH_INT, 0, 0, 0, 0);
      b.emit(Op.LOAD_LOCAL, 1, 1);
      b.emit(Op.RETURN, -1);
      b.patchJump(step, b.here());
      b.emit(Op.LOAD_LOCAL, 1, 0);
      b.emit(Op.SUB_INT_IMM, 0, 1);
      b.emit(Op.LOAD_LOCAL_2, 2, 1, 0);
      b.emit(Op.ADD_INT, -1);
      b.emit(Op.TAIL_CALL_SELF, -2, 2);
    });
    expect(run([loop], [1_000_000, 0], 2)).toBe(500000500000);
  });

  it('fails non-tail recursion beyond maxFrames with a limit error', () => {
    // deep(n) = n == 0 ? 0 : 1 + deep(n - 1)
    const deep = chunk('deep', 1, 1, (b) => {
      const step = b.emit(Op.MATCH_INT, 0, 0, 0, 0);
      b.emit(Op.INT, 1, 0);
      b.emit(Op.RETURN, -1);
      b.patchJump(step, b.here());
      b.emit(Op.INT, 1, 1);
      b.emit(Op.LOAD_LOCAL, 1, 0);
      b.emit(Op.SUB_INT_IMM, 0, 1);
      b.emit(Op.CALL, 0, 0, 1);
      b.emit(Op.ADD_INT, -1);
      b.emit(Op.RETURN, -1);
    });
    expect(run([deep], [50_000], 100_000)).toBe(50_000);
    expect(() => run([deep], [5_000], 1_000)).toThrow('stack overflow: more than 1000 frames');
    try {
      run([deep], [5_000], 1_000);
    } catch (error) {
      expect((error as AverRuntimeError).kind).toBe('limit');
    }
  });

  it('stops an endless loop at its deadline', () => {
    const spin = chunk('spin', 0, 0, (b) => {
      b.emit(Op.TAIL_CALL_SELF, 0, 0);
    });
    expect(() => run([spin], [], 10, 30)).toThrow('deadline of 30 ms exceeded');
  });

  it('builds lists with the first item as the head and prepends in argument order', () => {
    const list = run([
      chunk('list', 0, 0, (b) => {
        b.emit(Op.INT, 1, 0);
        b.emit(Op.INT, 1, 1);
        b.emit(Op.INT, 1, 2);
        b.emit(Op.LIST_NEW, -2, 2);
        b.emit(Op.LIST_PREPEND, -1);
        b.emit(Op.RETURN, -1);
      }),
    ]) as ListValue;
    expect(listToArray(list)).toEqual([0, 1, 2]);
    expect(list.length).toBe(3);
  });

  it('returns the first Err of a product through the jump to the return', () => {
    const product = chunk('product', 2, 2, (b) => {
      b.emit(Op.LOAD_LOCAL_2, 2, 0, 1);
      const exit = b.emit(Op.PRODUCT_UNWRAP, -1, 2, 0);
      b.emit(Op.RETURN, -1);
      b.patchJump(exit, b.here());
      b.emit(Op.RETURN, 0);
    });
    const ok = (value: Value) => new WrapValue(WrapKind.Ok, value);
    const err = new WrapValue(WrapKind.Err, 'no');
    expect(run([product], [ok(1), err])).toBe(err);
    const tuple = run([product], [ok(1), ok(2)]) as { items: Value[] };
    expect(tuple.items).toEqual([1, 2]);
  });

  it('updates an unshared vector in place and copies a shared one', () => {
    const setFirst = chunk('setFirst', 1, 1, (b) => {
      b.emit(Op.MOVE_LOCAL, 1, 0);
      b.emit(Op.INT, 1, 0);
      b.emit(Op.INT, 1, 9);
      b.emit(Op.VECTOR_SET_OR_KEEP, -2);
      b.emit(Op.RETURN, -1);
    });
    const unshared = new VectorValue([1, 2]);
    expect(run([setFirst], [unshared])).toBe(unshared);
    expect(unshared.items).toEqual([9, 2]);

    const shared = new VectorValue([1, 2]);
    shared.shared = true;
    const copy = run([setFirst], [shared]) as VectorValue;
    expect(copy).not.toBe(shared);
    expect(copy.items).toEqual([9, 2]);
    expect(shared.items).toEqual([1, 2]);
  });

  it('marks a Vector or Map shared when a non-final read leaves a second reference', () => {
    const keep = chunk('keep', 1, 1, (b) => {
      b.emit(Op.LOAD_LOCAL_SHARE, 1, 0);
      b.emit(Op.RETURN, -1);
    });
    const map = new MapValue(new Map());
    run([keep], [map]);
    expect(map.shared).toBe(true);
  });

  it('dispatches built-ins through the table with positional arguments', () => {
    const length = chunk('length', 1, 1, (b) => {
      b.emit(Op.LOAD_LOCAL, 1, 0);
      b.emit(Op.CALL_BUILTIN, 0, BUILTIN_INDEX.get('String.len')!, 1);
      b.emit(Op.RETURN, -1);
    });
    expect(run([length], ['héllo😀'])).toBe(6);
  });

  it('runs the counting twin with per-opcode counts and the step budget', () => {
    const code = program([
      chunk('main', 0, 0, (b) => {
        b.emit(Op.INT, 1, 2);
        b.emit(Op.INT, 1, 3);
        b.emit(Op.MUL_INT, -1);
        b.emit(Op.RETURN, -1);
      }),
    ]);
    const host = { writeOut: () => {}, writeErr: () => {}, readLine: () => null, args: [] };
    const counting = new CountingState(1, 100);
    const stack: Value[] = [];
    growStack(stack, 8);
    expect(runLoopCounting(new Run(code, stack, [], [], host, 10, null, 100, counting), 0)).toBe(6);
    expect(counting.opCounts[Op.INT]).toBe(2);
    expect(counting.opCounts[Op.MUL_INT]).toBe(1);
    expect(counting.opCounts[Op.RETURN]).toBe(1);
    expect(counting.toCounters(['main'], [{ file: 'main.av', line: 1 }]).stacks).toEqual([
      { parent: null, function: 0, instructions: 4 },
    ]);
    const budget = new CountingState(1, 3);
    expect(() => runLoopCounting(new Run(code, stack, [], [], host, 10, null, 3, budget), 0)).toThrow(
      'step budget of 3 steps exhausted',
    );
  });
});
