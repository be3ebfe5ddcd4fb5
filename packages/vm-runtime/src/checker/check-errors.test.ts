import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDirectives } from '@aver/test-utils';
import { formatDiagnosticLine } from '../diagnostics.js';
import { loadProgram } from '../module-loader.js';
import { checkProgram } from './check-program.js';

// Golden ill-typed programs: each file lists the errors the checker must report, exactly and in order, as
// `// error[LINE:COL]: message` comments. The folder is the module root, so a program may `depends` on a module in a
// sub-folder (only the top-level `*.av` files are entry programs). Any other `// word:` comment line is an error.

const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/programs/check-errors');
const programs = readdirSync(programsDir).filter((name) => name.endsWith('.av'));

describe('golden ill-typed programs (test/programs/check-errors)', () => {
  it('has programs to run', () => {
    expect(programs.length).toBeGreaterThan(5);
  });

  it.each(programs)('%s reports exactly the errors written in its comments', (name) => {
    const path = join(programsDir, name);
    const expected = readDirectives(readFileSync(path, 'utf8'), ['error']).map(
      (directive) => `error[${directive.bracket}]: ${directive.text}`,
    );
    const loaded = loadProgram(path, programsDir);
    expect(loaded.diagnostics.map(formatDiagnosticLine)).toEqual([]);
    const actual = checkProgram(loaded)
      .diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
      .map(formatDiagnosticLine);
    expect(actual).toEqual(expected);
  });
});
