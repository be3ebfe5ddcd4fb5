import { describeIoError, InvalidUtf8Error } from '@aver/host-io';
import { readSync } from 'node:fs';
import type { HostContext } from './builtins/builtin-def.js';
import { ReadLineError } from './builtins/read-line-error.js';
import type { Sandbox } from './sandbox.js';

/** Where a run's `Console.*` output goes: the process streams, nowhere, or a caller's line sinks. */
export type ConsoleOption =
  | 'inherit'
  | 'silent'
  | { writeOut(line: string): void; writeErr(line: string): void };

const NO_ARGS: readonly string[] = Object.freeze([]);
const ignore = (_line: string): void => {};

/**
 * Builds the `HostContext` of one run: `inherit` writes each line plus a newline to the process streams and reads
 * stdin synchronously; `silent` drops output (what the bench harness uses); an object receives each line as is.
 * With a `sandbox`, the effects it denies fail and Disk paths are confined (bench mode).
 */
export function createHost(
  console: ConsoleOption | undefined,
  args: readonly string[] | undefined,
  stdin: (() => string | null) | undefined,
  sandbox?: Sandbox,
): HostContext {
  const mode = console ?? 'inherit';
  let writeOut = ignore;
  let writeErr = ignore;
  if (mode === 'inherit') {
    writeOut = (line) => process.stdout.write(`${line}\n`);
    writeErr = (line) => process.stderr.write(`${line}\n`);
  } else if (mode !== 'silent') {
    writeOut = (line) => mode.writeOut(line);
    writeErr = (line) => mode.writeErr(line);
  }
  const readLine = stdin ?? (mode === 'inherit' ? readStdinLine : () => null);
  const host: HostContext = { writeOut, writeErr, readLine, args: args ?? NO_ARGS };
  return sandbox === undefined ? host : { ...host, sandbox };
}

let pending: Buffer = Buffer.alloc(0);
let ended = false;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * One line of the process's stdin without its line end, read synchronously; `null` at end of input. A line that is
 * not valid UTF-8, or a stdin that cannot be read, throws `ReadLineError` (the reference's `read_line` error).
 */
export function readStdinLine(): string | null {
  const chunk = Buffer.alloc(65536);
  for (;;) {
    const newline = pending.indexOf(0x0a);
    if (newline >= 0) {
      const line = decodeLine(pending.subarray(0, newline));
      pending = pending.subarray(newline + 1);
      return line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    if (ended) {
      if (pending.length === 0) return null;
      const line = decodeLine(pending);
      pending = Buffer.alloc(0);
      return line;
    }
    let read = 0;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code !== 'EOF') throw new ReadLineError(describeIoError(error));
    }
    if (read === 0) ended = true;
    else pending = Buffer.concat([pending, chunk.subarray(0, read)]);
  }
}

function decodeLine(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ReadLineError(new InvalidUtf8Error().message);
  }
}
