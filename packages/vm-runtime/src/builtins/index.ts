import { ARGS_BUILTINS } from './args.js';
import type { BuiltinDef } from './builtin-def.js';
import { BOOL_BUILTINS } from './bool.js';
import { BYTE_BUILTINS } from './byte.js';
import { CHAR_BUILTINS } from './char.js';
import { CONSOLE_BUILTINS } from './console.js';
import { DISK_BUILTINS } from './disk.js';
import { ENV_BUILTINS } from './env.js';
import { FLOAT_BUILTINS } from './float.js';
import { HTTP_BUILTINS } from './http.js';
import { HTTP_SERVER_BUILTINS } from './http-server.js';
import { INT_BUILTINS } from './int.js';
import { LIST_BUILTINS } from './list.js';
import { MAP_BUILTINS } from './map.js';
import { OPTION_BUILTINS } from './option.js';
import { RANDOM_BUILTINS } from './random.js';
import { RESULT_BUILTINS } from './result.js';
import { STRING_BUILTINS } from './string.js';
import { TCP_BUILTINS } from './tcp.js';
import { TERMINAL_BUILTINS } from './terminal.js';
import { TIME_BUILTINS } from './time.js';
import { VECTOR_BUILTINS } from './vector.js';

/**
 * Every built-in function of v0.15–0.24 (language reference: "Built-in namespaces and functions"), one module
 * per namespace. The checker reads names, signatures and effects; the VM dispatches on the index
 * (`BUILTIN_INDEX`). Era-specific names carry `era`; services this runtime does not implement carry
 * `unavailable`.
 */
export const BUILTINS: readonly BuiltinDef[] = [
  ...INT_BUILTINS,
  ...FLOAT_BUILTINS,
  ...STRING_BUILTINS,
  ...CHAR_BUILTINS,
  ...BYTE_BUILTINS,
  ...BOOL_BUILTINS,
  ...LIST_BUILTINS,
  ...VECTOR_BUILTINS,
  ...MAP_BUILTINS,
  ...OPTION_BUILTINS,
  ...RESULT_BUILTINS,
  ...CONSOLE_BUILTINS,
  ...ARGS_BUILTINS,
  ...TIME_BUILTINS,
  ...RANDOM_BUILTINS,
  ...ENV_BUILTINS,
  ...DISK_BUILTINS,
  ...HTTP_BUILTINS,
  ...HTTP_SERVER_BUILTINS,
  ...TCP_BUILTINS,
  ...TERMINAL_BUILTINS,
];

/** Qualified name (`List.len`) → index into `BUILTINS`. */
export const BUILTIN_INDEX: ReadonlyMap<string, number> = new Map(
  BUILTINS.map((row, index) => [row.name, index]),
);

export type { BuiltinDef, BuiltinEra, BuiltinImpl, HostContext } from './builtin-def.js';
export { intModTruncated } from './int.js';
export {
  BUILTIN_RECORD_TYPES,
  BUILTIN_RECORDS,
  type BuiltinRecordDef,
  type BuiltinRecordField,
} from './records.js';
