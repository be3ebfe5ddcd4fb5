export type { CliIo } from './cli-io.js';
export type { RunCliOptions } from './run-cli.js';
export { EXIT_INTERNAL, runCli } from './run-cli.js';
export type { CliOptions, CliRequest } from './parse-cli-args.js';
export { parseCliArgs } from './parse-cli-args.js';
