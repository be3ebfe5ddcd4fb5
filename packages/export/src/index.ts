export { formatMarkdown } from './format-markdown.js';
export { escapeMarkdown } from './markdown-escape.js';
export type { Bmf, BmfMetric } from './format-bmf.js';
export { formatBmf, toBmf } from './format-bmf.js';
