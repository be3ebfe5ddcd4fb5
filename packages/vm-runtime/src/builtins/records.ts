import type { RecordType } from '../values.js';

/** One field of a built-in record: its name and its type in Aver type syntax. */
export interface BuiltinRecordField {
  readonly name: string;
  readonly type: string;
}

/**
 * A record type the runtime defines (service records, language reference: "Type system: types", built-in records).
 */
export interface BuiltinRecordDef {
  /** The (possibly qualified) type name, e.g. `HttpResponse`, `Tcp.Connection`. */
  readonly name: string;
  /** Fields in declaration order (the display order, language reference: "Value display"). */
  readonly fields: readonly BuiltinRecordField[];
}

/** The built-in records of v0.15–0.20 (language reference: "Types"), registered before compilation. */
export const BUILTIN_RECORDS: readonly BuiltinRecordDef[] = [
  {
    name: 'HttpResponse',
    fields: [
      { name: 'status', type: 'Int' },
      { name: 'body', type: 'String' },
      { name: 'headers', type: 'Map<String, List<String>>' },
    ],
  },
  {
    name: 'HttpRequest',
    fields: [
      { name: 'method', type: 'String' },
      { name: 'path', type: 'String' },
      { name: 'body', type: 'String' },
      { name: 'headers', type: 'Map<String, List<String>>' },
    ],
  },
  {
    name: 'Tcp.Connection',
    fields: [
      { name: 'id', type: 'String' },
      { name: 'host', type: 'String' },
      { name: 'port', type: 'Int' },
    ],
  },
  {
    name: 'Terminal.Size',
    fields: [
      { name: 'width', type: 'Int' },
      { name: 'height', type: 'Int' },
    ],
  },
  // Oracle verification (Oracle addendum: "`BranchPath`, `Trace`, `EffectEvent`"): a branch path, one recorded effect
  // call, and the events of a traced call.
  { name: 'BranchPath', fields: [{ name: 'dewey', type: 'String' }] },
  {
    name: 'EffectEvent',
    fields: [
      { name: 'method', type: 'String' },
      // The original arguments, whatever their types (`[1, 6]`, `["rolled 4"]`).
      { name: 'args', type: 'List<T>' },
      { name: 'path', type: 'String' },
    ],
  },
  { name: 'Trace', fields: [{ name: 'events', type: 'List<EffectEvent>' }] },
];

/** The runtime `RecordType` of each built-in record, by name (what the VM and display use). */
export const BUILTIN_RECORD_TYPES: ReadonlyMap<string, RecordType> = new Map(
  BUILTIN_RECORDS.map((record) => [
    record.name,
    { name: record.name, fieldNames: record.fields.map((f) => f.name) },
  ]),
);
