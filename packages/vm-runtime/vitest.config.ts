import { defineConfig } from 'vitest/config';
import { inlineOpcodes, LOOP_FILES } from './scripts/inline-opcodes.mjs';
import { Op } from './src/chunk.ts';

export default defineConfig({
  plugins: [
    {
      // The build inlines opcode numbers into the VM loops (scripts/inline-opcodes.mjs); tests run the same code.
      name: 'inline-opcodes',
      enforce: 'pre',
      transform(code, id) {
        return LOOP_FILES.some((file) => id.endsWith(`/src/${file}`)) ? inlineOpcodes(code, Op) : null;
      },
    },
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // The String limit follows the heap limit (engine-limits.ts); a fixed heap keeps the golden messages the same
    // on every machine.
    execArgv: ['--max-old-space-size=8192'],
  },
});
