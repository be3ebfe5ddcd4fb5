import { BUILTIN_RECORD_TYPES } from './builtins/records.js';
import type { CheckedProgram } from './checker/index.js';
import { type RecordType, type SumType, VariantValue } from './values.js';

/**
 * The runtime descriptions of a program's record and sum types, built once per compiled program: what record and
 * variant values point to (display names, field names, variant names and arities).
 */
export interface RuntimeTypes {
  readonly recordTypes: readonly RecordType[];
  /** Qualified type name → index into `recordTypes`. */
  readonly recordIndex: ReadonlyMap<string, number>;
  readonly sumTypes: readonly SumType[];
  /** Qualified type name → index into `sumTypes`. */
  readonly sumIndex: ReadonlyMap<string, number>;
  /** The one shared value of each nullary variant, by `Type.Variant` (qualified type name). */
  readonly nullaryVariants: ReadonlyMap<string, VariantValue>;
}

/**
 * Builds the runtime types of every user type and built-in record of a checked program, in `checked.types` order. A
 * type displays under its declared name without the module path (`Data.Shapes.Shape` → `Shape`, language reference:
 * "Value display"); built-in records share their one `RecordType` (`BUILTIN_RECORD_TYPES`).
 */
export function runtimeTypesOf(checked: CheckedProgram): RuntimeTypes {
  const recordTypes: RecordType[] = [];
  const recordIndex = new Map<string, number>();
  const sumTypes: SumType[] = [];
  const sumIndex = new Map<string, number>();
  const nullaryVariants = new Map<string, VariantValue>();
  for (const [name, type] of checked.types) {
    if (type.kind === 'record') {
      recordIndex.set(name, recordTypes.length);
      recordTypes.push(
        BUILTIN_RECORD_TYPES.get(name) ?? {
          name: displayName(name, checked),
          fieldNames: type.fields.map((field) => field.name),
        },
      );
      continue;
    }
    const sum: SumType = {
      name: displayName(name, checked),
      variants: type.variants.map((variant) => ({ name: variant.name, arity: variant.fields.length })),
    };
    sumIndex.set(name, sumTypes.length);
    sumTypes.push(sum);
    type.variants.forEach((variant, tag) => {
      if (variant.fields.length === 0)
        nullaryVariants.set(`${name}.${variant.name}`, new VariantValue(sum, tag, []));
    });
  }
  return { recordTypes, recordIndex, sumTypes, sumIndex, nullaryVariants };
}

/** The display name of a type: its declared name without the module path (`Data.Shapes.Shape` → `Shape`). */
function displayName(qualified: string, checked: CheckedProgram): string {
  for (const module of checked.order) {
    if (qualified.startsWith(`${module}.`)) return qualified.slice(module.length + 1);
  }
  return qualified;
}
