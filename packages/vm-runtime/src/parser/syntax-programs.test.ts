import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDirectives } from '@aver/test-utils';
import { parseSource } from '../parser.js';

// Golden syntax programs: each file lists the diagnostics the lexer and parser must report, exactly and in order,
// as trailing `// error[LINE:COL]: message` comments. A file without such comments must parse cleanly. Any other
// `// word:` comment line is an error.
const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/programs/syntax');
const programs = readdirSync(programsDir).filter((name) => name.endsWith('.av'));

function expectedErrors(text: string): string[] {
  return readDirectives(text, ['error']).map((directive) => `error[${directive.bracket}]: ${directive.text}`);
}

describe('golden syntax programs (test/programs/syntax)', () => {
  it('has programs', () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  it.each(programs)('%s reports exactly its expected diagnostics', (name) => {
    const text = readFileSync(join(programsDir, name), 'utf8');
    const { diagnostics } = parseSource(text, name);
    const actual = diagnostics.map((d) => `${d.severity}[${d.span.line}:${d.span.column}]: ${d.message}`);
    expect(actual).toEqual(expectedErrors(text));
  });
});
