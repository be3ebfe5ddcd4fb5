import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../../bench/frontend/generate.mjs';
import { loadProgram } from './module-loader.js';
import { parseSource } from './parser.js';
import { sharedCorpus } from '../test/shared-corpus.js';
import { avFilesUnder, diagnosticLines } from './parser/test-helpers.js';

const corpus = sharedCorpus('parser');

describe.skipIf(corpus === null)('the shared corpus', () => {
  const files = corpus === null ? [] : avFilesUnder(corpus);

  it('has programs to parse', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [file.slice((corpus ?? '').length + 1), file]))(
    '%s parses with zero diagnostics',
    (_name, file) => {
      const { file: parsed, diagnostics } = parseSource(readFileSync(file, 'utf8'), file);
      expect(diagnosticLines(diagnostics)).toEqual([]);
      expect(parsed.items.length).toBeGreaterThan(0);
    },
  );

  it.each(files.filter((file) => dirname(file) === corpus).map((file) => [basename(file), file]))(
    '%s loads with its dependencies from the corpus folder',
    (_name, file) => {
      const program = loadProgram(file, corpus!);
      expect(diagnosticLines(program.diagnostics)).toEqual([]);
    },
  );

  it("resolves app_dot.av's dependency Modules.Models.User", () => {
    const program = loadProgram(`${corpus}/app_dot.av`, corpus!);
    expect(program.order).toEqual(['Modules.Models.User']);
    expect(program.modules.get('Modules.Models.User')!.module!.name).toBe('User');
  });
});

describe('the generated benchmark program', () => {
  it('parses with zero diagnostics', () => {
    const text = generateProgram({ lines: 2000, seed: 7 });
    const { file, diagnostics } = parseSource(text, 'generated.av');
    expect(diagnosticLines(diagnostics)).toEqual([]);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(2000);
    expect(new Set(file.items.map((item) => item.kind))).toEqual(
      new Set(['Module', 'Decision', 'RecordDecl', 'TypeDecl', 'FnDecl', 'Verify']),
    );
  });
});
