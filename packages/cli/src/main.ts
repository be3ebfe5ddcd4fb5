#!/usr/bin/env node
import { describeIoError } from '@aver/host-io';
import * as messages from './messages.js';
import { runCli } from './run-cli.js';

// A closed pipe (`aver-bench … | head`) is not an error worth a message; any other failure to write the output
// (a full disk, a closed descriptor) is a write error: one line on stderr and exit 1, never a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    process.stderr.write(`${messages.stdoutWrite(describeIoError(error))}\n`);
    process.exit(1);
  }
  process.exit(process.exitCode ?? 0);
});
// Nowhere left to report a failure to write to stderr: keep the exit code the run decided.
process.stderr.on('error', () => {
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
  stderrColumns: process.stderr.columns,
});
