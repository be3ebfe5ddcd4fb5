import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPCODES, opcodeInfo } from '../src/chunk.js';
import { compileFile } from '../src/program.js';

// Every opcode of the table is emitted by the compiler for some golden program, so the table holds no dead
// instructions and every VM case is reached by the golden runner. MATCH_FAIL guards matches the compiler cannot prove
// exhaustive itself (a tuple covered over the product of its constructor sets); checked programs never execute it
// (vm.test.ts runs it by hand).

const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), 'programs');

function programs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return ['check-errors', 'syntax', 'lib'].includes(name) ? [] : programs(path);
    return name.endsWith('.av') ? [path] : [];
  });
}

describe('opcode coverage', () => {
  it('emits every opcode of the table somewhere in the golden programs', () => {
    const seen = new Set<string>();
    for (const path of programs(programsDir)) {
      const compiled = compileFile(path);
      if (!compiled.ok) throw new Error(`${path}: ${compiled.message}`);
      for (const chunk of compiled.program.code.chunks) {
        let offset = 0;
        while (offset < chunk.code.length) {
          const info = opcodeInfo(chunk.code[offset])!;
          seen.add(info.name);
          offset += 1 + info.operands.length;
        }
      }
    }
    const unused = OPCODES.map((info) => info.name).filter((name) => !seen.has(name));
    expect(unused).toEqual([]);
  });
});
