import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The source files a module loads at run time: its value imports, followed transitively (type-only ones erased). */
function loadedFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [resolve(srcDir, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)\.js';/gm)) {
      if (match[1] !== undefined) continue;
      pending.push(join(dirname(file), `${match[2]}.ts`));
    }
  }
  return new Set([...seen].map((file) => relative(srcDir, file)));
}

describe('the checker module graph', () => {
  it('loads the built-in signatures but no built-in implementation, VM or value code', () => {
    const files = [...loadedFiles('checker/index.ts')];
    expect(files).toContain('builtins/signatures.ts');
    const runtime = files.filter(
      (file) =>
        (file.startsWith('builtins/') &&
          !['builtins/signatures.ts', 'builtins/define.ts', 'builtins/records.ts'].includes(file)) ||
        ['vm.ts', 'values.ts', 'display.ts', 'equality.ts', 'compiler.ts'].includes(file),
    );
    expect(runtime).toEqual([]);
  });

  it('is followed through value imports only (the VM entry does load the implementations)', () => {
    expect(loadedFiles('program.ts')).toContain('builtins/index.ts');
  });
});
