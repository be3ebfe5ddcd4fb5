export { type SharedCorpus, sharedCorpus, sharedDir, topLevelPrograms } from './shared-corpus.js';
export { useTempDir } from './use-temp-dir.js';
export type { TempDir } from './use-temp-dir.js';
export {
  type Directive,
  GOLDEN_DIRECTIVES,
  type GoldenExpectations,
  goldenProgramFiles,
  readDirectives,
  readGoldenProgram,
} from './golden-programs.js';
