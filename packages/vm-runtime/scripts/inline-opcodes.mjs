#!/usr/bin/env node
// Turns every `Op.NAME` in the VM loops into the opcode's number (`Op.CALL` → `60 /* CALL */`), the job a
// `const enum` does where the compiler inlines it (native tsc does not under `isolatedModules`). V8 compiles a
// `switch` whose cases are number literals to a jump table (`SwitchOnSmiNoFeedback`) and one over named constants to
// a chain of comparisons, in every tier. Run after `tsc` on the emitted files (the `build` script); the test config
// applies the same transform to the sources, so tests run the loop V8 sees in production.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The files whose `Op.NAME` references are inlined: the loop and its counting twin. */
export const LOOP_FILES = ['vm.ts', 'vm-counting.ts'];

/** `source` with each `Op.NAME` replaced by the number `opcodes[NAME]`; an unknown name is an error. */
export function inlineOpcodes(source, opcodes) {
  return source.replace(/\bOp\.([A-Z][A-Z0-9_]*)\b/g, (_reference, name) => {
    const code = opcodes[name];
    if (typeof code !== 'number') throw new Error(`inline-opcodes: Op.${name} is not an opcode`);
    return `${code} /* ${name} */`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { Op } = await import(join(packageDir, 'dist', 'chunk.js'));
  for (const file of LOOP_FILES) {
    const path = join(packageDir, 'dist', file.replace(/\.ts$/, '.js'));
    const source = readFileSync(path, 'utf8');
    const inlined = inlineOpcodes(source, Op);
    if (inlined !== source) writeFileSync(path, inlined);
  }
}
