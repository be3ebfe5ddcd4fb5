import { compareStrings } from './equality.js';
import { formatFloat } from './float-format.js';
import { checkedString } from './engine-limits.js';
import {
  FunctionValue,
  ListValue,
  MapValue,
  NoneValue,
  RecordValue,
  TupleValue,
  UnitValue,
  type Value,
  VariantValue,
  VectorValue,
  WrapKind,
  WrapValue,
} from './values.js';

/**
 * `aver_display` (language reference: "Value display"): the text of a value at top level, as used by interpolation,
 * `Console.print` of any value, `String.fromFloat` and the bench's `response_bytes`. A String is its raw text; Unit
 * has no display (`null`); everything else is `reprValue`.
 */
export function displayValue(value: Value): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof UnitValue) return null;
  return reprValue(value);
}

/**
 * `repr_inner` (language reference: "Value display"): the text of a value nested in a container. Strings are quoted
 * without escaping; Floats use Rust `Display`; `[a, b]`, `Vector[a, b]`, `(a, b)`, `{k: v}` (sorted by the quoted
 * text of key, then value), `User(name: "Alice")`, variants by bare variant name (`Circle(5)`, `Point`), qualified
 * `Option.Some(x)`, `Option.None`, `Result.Ok(x)`, `Result.Err(e)`, `Unit`, `<fn f>`, `<builtin Console.print>`,
 * `<ctor Shape.Circle>`.
 */
export function reprValue(value: Value): string {
  switch (typeof value) {
    case 'number':
      return formatFloat(value);
    case 'bigint':
      return String(value);
    case 'string':
      return '"' + value + '"';
    case 'boolean':
      return value ? 'true' : 'false';
  }
  // The one check for every compound display, maps included (renderMap's text only ever lands in this `out`).
  return checkedString(renderCompound(value));
}

/**
 * `repr` at top level: like `reprValue` but a String stays unquoted. `Map.keys/values/entries` sort by it
 * (language reference: "Runtime semantics: Maps").
 */
export function reprTopLevel(value: Value): string {
  return typeof value === 'string' ? value : reprValue(value);
}

/** Text of a non-object value; Int and Float share `formatFloat` (safe integers print as plain decimals). */
function primitiveText(value: number | bigint | string | boolean): string {
  switch (typeof value) {
    case 'number':
      return formatFloat(value);
    case 'bigint':
      return String(value);
    case 'string':
      return '"' + value + '"';
    default:
      return value ? 'true' : 'false';
  }
}

/**
 * Renders a compound value with an explicit work stack instead of recursion, so deep values (long chains of
 * user variants) cannot overflow the JS stack. Strings on the stack are finished text (nested String values are
 * quoted when pushed); everything else is a value still to render. Containers write their leading run of
 * primitive items directly and push only the rest.
 */
function renderCompound(root: Value): string {
  const work: Value[] = [root];
  let out = '';
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item !== 'object') {
      out += typeof item === 'string' ? item : primitiveText(item);
      continue;
    }
    if (item instanceof ListValue) {
      if (item.length === 0) {
        out += '[]';
        continue;
      }
      out += '[';
      let cell = item;
      let written = 0;
      while (cell.length > 0 && typeof cell.head !== 'object') {
        if (written > 0) out += ', ';
        out += primitiveText(cell.head as number | bigint | string | boolean);
        written++;
        cell = cell.tail!;
      }
      if (cell.length === 0) out += ']';
      else pushItems(work, collectCells(cell), 0, written > 0, ']');
    } else if (item instanceof RecordValue) {
      out += item.type.name + '(';
      const names = item.type.fieldNames;
      const fields = item.fields;
      work.push(')');
      for (let i = fields.length - 1; i >= 0; i--) {
        pushChild(work, fields[i]);
        work.push(i > 0 ? ', ' + names[i] + ': ' : names[i] + ': ');
      }
    } else if (item instanceof VariantValue) {
      out += item.type.variants[item.tag].name;
      if (item.fields.length > 0) {
        out += '(';
        out = writeItems(out, work, item.fields, ')');
      }
    } else if (item instanceof WrapValue) {
      out +=
        item.wrap === WrapKind.Some
          ? 'Option.Some('
          : item.wrap === WrapKind.Ok
            ? 'Result.Ok('
            : 'Result.Err(';
      const inner = item.value;
      if (typeof inner !== 'object') out += primitiveText(inner) + ')';
      else work.push(')', inner);
    } else if (item instanceof TupleValue) {
      out += '(';
      out = writeItems(out, work, item.items, ')');
    } else if (item instanceof VectorValue) {
      out += 'Vector[';
      out = writeItems(out, work, item.items, ']');
    } else if (item instanceof MapValue) {
      out += renderMap(item);
    } else if (item instanceof NoneValue) {
      out += 'Option.None';
    } else if (item instanceof UnitValue) {
      out += 'Unit';
    } else if (item instanceof FunctionValue) {
      out +=
        item.kind === 'fn'
          ? '<fn ' + item.name + '>'
          : item.kind === 'builtin'
            ? '<builtin ' + item.name + '>'
            : '<ctor ' + item.name + '>';
    }
  }
  return out;
}

/** Writes the leading primitive items of `items` to `out`, pushes the rest, and returns the new `out`. */
function writeItems(out: string, work: Value[], items: readonly Value[], close: string): string {
  let i = 0;
  while (i < items.length && typeof items[i] !== 'object') {
    if (i > 0) out += ', ';
    out += primitiveText(items[i] as number | bigint | string | boolean);
    i++;
  }
  if (i === items.length) return out + close;
  pushItems(work, items, i, i > 0, close);
  return out;
}

/** Pushes `close` and then `items[from..]` in reverse with `, ` separators (one before the first when `after`). */
function pushItems(
  work: Value[],
  items: readonly Value[],
  from: number,
  after: boolean,
  close: string,
): void {
  work.push(close);
  for (let i = items.length - 1; i >= from; i--) {
    pushChild(work, items[i]);
    if (i > from || after) work.push(', ');
  }
}

function pushChild(work: Value[], child: Value): void {
  work.push(typeof child === 'string' ? '"' + child + '"' : child);
}

function collectCells(list: ListValue): Value[] {
  const items: Value[] = [];
  for (let cell: ListValue | null = list; cell !== null && cell.length > 0; cell = cell.tail)
    items.push(cell.head);
  return items;
}

/**
 * `{k: v, ...}` in display order: pairs sorted by the quoted text of the key, then of the value (language reference:
 * "Runtime semantics: Maps").
 */
function renderMap(map: MapValue): string {
  if (map.table.size === 0) return '{}';
  const pairs: [string, string][] = [];
  for (const entry of map.table.values()) pairs.push([reprValue(entry.key), reprValue(entry.value)]);
  pairs.sort(comparePairs);
  let out = '{';
  for (let i = 0; i < pairs.length; i++) {
    if (i > 0) out += ', ';
    out += pairs[i][0] + ': ' + pairs[i][1];
  }
  return out + '}';
}

function comparePairs(a: [string, string], b: [string, string]): number {
  return compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]);
}
