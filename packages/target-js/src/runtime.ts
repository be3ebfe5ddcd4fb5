import {
  AverRuntimeError,
  BUILTIN_CONSTANTS,
  BUILTINS,
  builtinImplementations,
  CHARGE_THRESHOLD,
  checkedString,
  codePointAt,
  compareStrings,
  cons,
  EMPTY_LIST,
  FunctionValue,
  formatFloat,
  globalReadTooEarly,
  type HostContext,
  intAdd,
  intDiv,
  intMul,
  intNegate,
  intSub,
  interpolationText,
  type MapEntry,
  MapValue,
  mapKeyOf,
  markShared,
  matchFailure,
  NONE,
  RecordValue,
  StringBuffer,
  TupleValue,
  UNIT,
  type Value,
  VariantValue,
  VectorValue,
  VmMessages,
  valuesEqual,
  WrapKind,
  WrapValue,
} from '@aver/vm-runtime';

/**
 * The runtime every generated module runs against (`$rt` in its source): the VM's own values, built-ins, display,
 * equality and error texts (so both targets print the same bytes), plus the few helpers compiled code calls for
 * operations that have a slow path (wrapping Int arithmetic, ownership, records and maps, limits, deep recursion).
 * Helpers are small monomorphic functions that V8 inlines into the generated code.
 */

/** Float `==` (reference "Equality"): equal, or both NaN. */
function eqFloat(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Marks a Vector or Map shared (a second reference now exists) and gives it back. */
function share<T extends VectorValue | MapValue>(value: T): T {
  value.shared = true;
  return value;
}

/** `Vector.get` (the VM's `VECTOR_GET`). */
function vectorGet(vector: VectorValue, index: Value): Value {
  const items = vector.items;
  return typeof index === 'number' && index >= 0 && index < items.length
    ? new WrapValue(WrapKind.Some, items[index])
    : NONE;
}

/** `Option.withDefault(Vector.get(v, i), d)` (the VM's `VECTOR_GET_OR`). */
function vectorGetOr(vector: VectorValue, index: Value, fallback: Value): Value {
  const items = vector.items;
  return typeof index === 'number' && index >= 0 && index < items.length ? items[index] : fallback;
}

/**
 * `Option.withDefault(Vector.set(v, i, x), v)` (the VM's `VECTOR_SET_OR_KEEP`): in place when `v` is unshared, else
 * on a copy (charged to the run's limits like the VM's copy); `v` itself when `i` is out of range. The two ways are
 * picked by a property read rather than an `if`, for the reason given in the generated module's Int operators
 * (an `if` arm that never ran, inlined into a loop, stops V8 from peeling the loop).
 */
function vectorSetOrKeep(host: HostContext, vector: VectorValue, index: Value, item: Value): VectorValue {
  if (typeof index !== 'number' || index < 0 || index >= vector.items.length) return vector;
  return VECTOR_SET_WAYS[vector.shared ? 'copy' : 'inPlace'](host, vector, index, item);
}

const VECTOR_SET_WAYS = {
  inPlace(_host: HostContext, vector: VectorValue, index: number, item: Value): VectorValue {
    vector.items[index] = item;
    return vector;
  },
  copy(host: HostContext, vector: VectorValue, index: number, item: Value): VectorValue {
    const items = vector.items;
    if (items.length >= CHARGE_THRESHOLD && host.charge !== undefined) host.charge(items.length);
    const copy = items.slice();
    copy[index] = item;
    return new VectorValue(copy);
  },
};

/** `Option.withDefault(Map.get(m, k), d)` without the `Option`: the value under `k`, or `d`. */
function mapGetOr(map: MapValue, key: Value, fallback: Value): Value {
  const entry = map.table.get(mapKeyOf(key));
  return entry === undefined ? fallback : entry.value;
}

/*
 * Option-returning built-ins without the Option, for a `match` that only takes the result apart (`Some(x)` /
 * `None` / `_` arms): the payload, or `undefined` for `None` (no Aver value is `undefined`).
 */

/** `String.charAt` unboxed. */
function charAtOrUndefined(text: string, index: Value): string | undefined {
  return typeof index === 'number' ? codePointAt(text, index) : undefined;
}

/** `Vector.get` unboxed. */
function vectorGetOrUndefined(vector: VectorValue, index: Value): Value | undefined {
  const items = vector.items;
  return typeof index === 'number' && index >= 0 && index < items.length ? items[index] : undefined;
}

/** `Map.get` unboxed. */
function mapGetOrUndefined(map: MapValue, key: Value): Value | undefined {
  const entry = map.table.get(mapKeyOf(key));
  return entry === undefined ? undefined : entry.value;
}

/** A global read through a function: unset until its top-level binding has run. */
function readGlobal(value: Value | undefined): Value {
  if (value === undefined) throw globalReadTooEarly();
  return value;
}

/** `T.update(base, f = v, …)`: a copy with fields `indexes[i]` replaced; copied Vector/Map fields become shared. */
function updateRecord(base: RecordValue, indexes: readonly number[], values: readonly Value[]): RecordValue {
  const fields = base.fields.slice();
  for (let i = 0; i < fields.length; i++) markShared(fields[i]);
  for (let i = 0; i < indexes.length; i++) fields[indexes[i]] = values[i];
  return new RecordValue(base.type, fields);
}

/** A map literal `{k1 => v1, …}` from its keys and values in source order; a later duplicate key wins. */
function mapOf(pairs: readonly Value[]): MapValue {
  const table = new Map<unknown, MapEntry>();
  for (let i = 0; i < pairs.length; i += 2)
    table.set(mapKeyOf(pairs[i]), { key: pairs[i], value: pairs[i + 1] });
  return new MapValue(table);
}

/** `__buf_append(buffer, text)`: the separator before every element but the first. */
function bufferAppend(buffer: StringBuffer, text: string): StringBuffer {
  buffer.append(text);
  return buffer;
}

/** The first `Result.Err` among the components of a `(…)?!`, or `null` when all are `Ok`. */
function firstErr(results: readonly Value[]): Value | null {
  for (const result of results) if ((result as WrapValue).wrap !== WrapKind.Ok) return result;
  return null;
}

/** `(…)?!` when every component is `Ok`: the tuple of their values. */
function unwrapAll(results: readonly Value[]): TupleValue {
  return new TupleValue(results.map((result) => (result as WrapValue).value));
}

/** Calls a built-in or a constructor used as a function value (`CALL_VALUE` without a frame). */
function callOther(
  host: HostContext,
  impls: Readonly<Record<string, BuiltinImpl>>,
  callee: FunctionValue,
  args: Value[],
): Value {
  if (callee.kind === 'builtin') return impls[callee.name](host, args[0], args[1], args[2], args[3]);
  if (callee.sumType === null) return new WrapValue(callee.index as WrapKind, args[0]);
  return new VariantValue(callee.sumType, callee.index, args);
}

type BuiltinImpl = (host: HostContext, a: Value, b: Value, c: Value, d: Value) => Value;

/** The built-in implementations by qualified name, with the `Int.mod` of the program's era. */
function builtinsByName(intModStyle: 'truncated' | 'euclidean'): Readonly<Record<string, BuiltinImpl>> {
  const impls = builtinImplementations(intModStyle);
  const byName: Record<string, BuiltinImpl> = {};
  BUILTIN_NAMES.forEach((name, index) => {
    byName[name] = impls[index];
  });
  return byName;
}

/**
 * Runs a call tree past the fast-path depth without growing the JS stack: every function's generator variant
 * yields the generator of each Aver call it makes, and this loop keeps those frames on a heap array (the VM's frame
 * stack). Returns the root's result; an error thrown by any frame leaves through here.
 */
function runDeep(root: Generator<unknown, Value, Value>): Value {
  const frames: Generator<unknown, Value, Value>[] = [root];
  let top = root;
  let input: Value = UNIT;
  for (;;) {
    const step = top.next(input);
    if (step.done === true) {
      frames.pop();
      if (frames.length === 0) return step.value;
      top = frames[frames.length - 1];
      input = step.value;
    } else {
      top = step.value as Generator<unknown, Value, Value>;
      frames.push(top);
      input = UNIT;
    }
  }
}

/** The VM's limit error for non-tail recursion deeper than `maxFrames`. */
function stackOverflow(maxFrames: number): AverRuntimeError {
  return new AverRuntimeError(VmMessages.stackOverflow(maxFrames), 'limit');
}

/** The VM's limit error for a run past its deadline. */
function deadlineExceeded(timeoutMs: number): AverRuntimeError {
  return new AverRuntimeError(VmMessages.deadlineExceeded(timeoutMs), 'limit');
}

const BUILTIN_NAMES: readonly string[] = BUILTINS.map((row) => row.name);

/** `{}`: one shared empty map, flagged shared so that a `Map.set` on it copies (as the VM's constant). */
const EMPTY_MAP = share(new MapValue(new Map()));

/** The value of a built-in constant (`BranchPath.Root`), as the VM's constant pool holds it. */
function builtinConstant(name: string): Value {
  const constant = BUILTIN_CONSTANTS.get(name);
  if (constant === undefined) throw new Error(`Internal error: unknown built-in value '${name}'`);
  return constant.value;
}

/** The object a generated module receives as `$rt`. */
export const RUNTIME = Object.freeze({
  UNIT,
  NONE,
  EMPTY_LIST,
  EMPTY_MAP,
  RecordValue,
  VariantValue,
  TupleValue,
  WrapValue,
  FunctionValue,
  StringBuffer,
  cons,
  intAdd,
  intSub,
  intMul,
  intNegate,
  divInt: intDiv,
  eqFloat,
  valuesEqual,
  compareStrings,
  formatFloat,
  interpolationText,
  checkedString,
  share,
  markShared,
  vectorGet,
  vectorGetOr,
  vectorSetOrKeep,
  mapGetOr,
  charAtOrUndefined,
  vectorGetOrUndefined,
  mapGetOrUndefined,
  readGlobal,
  updateRecord,
  mapOf,
  bufferAppend,
  firstErr,
  unwrapAll,
  callOther,
  builtinsByName,
  builtinConstant,
  runDeep,
  stackOverflow,
  deadlineExceeded,
  matchFailure,
});

/** The type of `RUNTIME`. */
export type JsRuntime = typeof RUNTIME;
