export { formatMarkdown } from './format-markdown.js';
export { escapeMarkdown } from './markdown-escape.js';
export type { Bmf, BmfMetric } from './format-bmf.js';
export { formatBmf, toBmf } from './format-bmf.js';
export type {
  CallTreeNode,
  CountedRun,
  SpeedscopeEventedProfile,
  SpeedscopeFile,
  SpeedscopeFrame,
  SpeedscopeSampledProfile,
} from './format-speedscope.js';
export { formatSpeedscope, MAX_SAMPLED_FRAMES, toSpeedscope } from './format-speedscope.js';
