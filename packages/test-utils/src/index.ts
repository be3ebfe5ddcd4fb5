export { type SharedCorpus, sharedCorpus, sharedDir, topLevelPrograms } from './shared-corpus.js';
export { useTempDir } from './use-temp-dir.js';
export type { TempDir } from './use-temp-dir.js';
