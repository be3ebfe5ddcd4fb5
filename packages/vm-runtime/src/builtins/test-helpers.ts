import type { Value } from '../values.js';
import type { HostContext } from './builtin-def.js';
import { BUILTIN_INDEX, BUILTINS } from './index.js';

/** A host that records console output and serves `input` lines to `Console.readLine`. */
export interface RecordingHost extends HostContext {
  readonly out: string[];
  readonly err: string[];
}

/** Builds a recording host; `env` defaults to an empty private record so tests never touch `process.env`. */
export function recordingHost(options: Partial<HostContext> & { input?: string[] } = {}): RecordingHost {
  const out: string[] = [];
  const err: string[] = [];
  const input = [...(options.input ?? [])];
  return {
    args: [],
    env: {},
    ...options,
    out,
    err,
    writeOut: (text) => out.push(text),
    writeErr: (text) => err.push(text),
    readLine: () => input.shift() ?? null,
  };
}

/** Calls the built-in `name` the way the VM does: positionally, unused arguments `undefined`. */
export function callBuiltin(name: string, ...args: Value[]): Value {
  return callBuiltinWith(recordingHost(), name, ...args);
}

/** `callBuiltin` with a given host. */
export function callBuiltinWith(host: HostContext, name: string, ...args: Value[]): Value {
  const index = BUILTIN_INDEX.get(name);
  if (index === undefined) throw new Error(`no built-in ${name}`);
  const row = BUILTINS[index];
  if (args.length !== row.arity)
    throw new Error(`${name} takes ${row.arity} argument(s), got ${args.length}`);
  return row.impl(host, args[0], args[1], args[2], args[3]);
}
