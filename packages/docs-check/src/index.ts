export { extractCommands, ReadmeFormatError, type ReadmeCommand } from './extract-commands.js';
export { missingSampleLine, normaliseOutputLine } from './output-shape.js';
