import { sharedCorpus, topLevelPrograms } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../../bench/frontend/generate.mjs';
import { loadProgram } from './module-loader.js';
import { parseSource } from './parser.js';
import { diagnosticLines } from './parser/test-helpers.js';

const corpus = sharedCorpus('parser');
const corpusDir = corpus.dir ?? '';

describe.skipIf(corpus.dir === null)('the shared corpus', () => {
  const files = corpus.files.filter((file) => file.endsWith('.av'));

  it('has programs to parse', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s parses with zero diagnostics', (name) => {
    const { file: parsed, diagnostics } = parseSource(corpus.read(name)!, corpus.path(name));
    expect(diagnosticLines(diagnostics)).toEqual([]);
    expect(parsed.items.length).toBeGreaterThan(0);
  });

  it.each(topLevelPrograms(corpus))('%s loads with its dependencies from the corpus folder', (name) => {
    const program = loadProgram(corpus.path(name), corpusDir);
    expect(diagnosticLines(program.diagnostics)).toEqual([]);
  });

  it("resolves app_dot.av's dependency Modules.Models.User", () => {
    const program = loadProgram(corpus.path('app_dot.av'), corpusDir);
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
