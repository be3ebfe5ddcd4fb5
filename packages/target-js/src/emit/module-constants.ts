import {
  BUILTIN_CONSTANTS,
  BUILTIN_INDEX,
  type CheckedProgram,
  type RuntimeTypes,
  WrapKind,
} from '@aver/vm-runtime';
import { JsCompileError } from './compile-error.js';
import { qualifiedIdentifier } from './js-names.js';
import type { ModulePlan } from './module-plan.js';

/**
 * The module-level constants generated code refers to, declared once at the top of the module in first-use order:
 * built-in implementations, runtime type descriptions, nullary variants, and function values (one per name and
 * program, so function values compare by identity, as on the VM).
 */
export class ModuleConstants {
  private readonly declarations = new Map<string, string>();

  constructor(
    private readonly checked: CheckedProgram,
    private readonly types: RuntimeTypes,
    private readonly plan: ModulePlan,
  ) {}

  /** `const NAME = INIT;` lines, in first-use order. */
  lines(): string[] {
    return [...this.declarations].map(([name, init]) => `const ${name} = ${init};`);
  }

  private declare(name: string, init: () => string): string {
    if (!this.declarations.has(name)) this.declarations.set(name, init());
    return name;
  }

  /** The implementation of built-in `name` (with the program era's `Int.mod`). */
  builtin(name: string, line: number): string {
    if (!BUILTIN_INDEX.has(name)) throw new JsCompileError(`unknown built-in '${name}'`, line);
    return this.declare(`$${qualifiedIdentifier(name)}`, () => `$impls[${JSON.stringify(name)}]`);
  }

  /** A built-in constant such as `BranchPath.Root`. */
  builtinConstant(name: string, line: number): string {
    if (!BUILTIN_CONSTANTS.has(name)) throw new JsCompileError(`unknown built-in value '${name}'`, line);
    return this.declare(
      `$constant$${qualifiedIdentifier(name)}`,
      () => `$rt.builtinConstant(${JSON.stringify(name)})`,
    );
  }

  /** Built-in `name` as a function value (`<builtin List.len>`). */
  builtinValue(name: string, line: number): string {
    const index = BUILTIN_INDEX.get(name);
    if (index === undefined) throw new JsCompileError(`unknown built-in '${name}'`, line);
    return this.declare(
      `$builtin$${qualifiedIdentifier(name)}`,
      () => `new $FunctionValue('builtin', ${JSON.stringify(name)}, ${index})`,
    );
  }

  /** A top-level function as a value (`<fn fib>`), carrying its chunk index like the VM's. */
  functionValue(qualifiedName: string, line: number): string {
    const unit = this.plan.byName.get(qualifiedName);
    if (unit === undefined) throw new JsCompileError(`unknown function '${qualifiedName}'`, line);
    return this.declare(
      `$fn$${unit.name}`,
      () => `new $FunctionValue('fn', ${JSON.stringify(qualifiedName)}, ${unit.index})`,
    );
  }

  /** The runtime description of record type `typeName`. */
  recordType(typeName: string, line: number): string {
    const index = this.types.recordIndex.get(typeName);
    if (index === undefined) throw new JsCompileError(`unknown record type '${typeName}'`, line);
    const type = this.types.recordTypes[index];
    return this.declare(
      `$record$${qualifiedIdentifier(typeName)}`,
      () => `{ name: ${JSON.stringify(type.name)}, fieldNames: ${JSON.stringify(type.fieldNames)} }`,
    );
  }

  /** The runtime description of sum type `typeName`. */
  sumType(typeName: string, line: number): string {
    const index = this.types.sumIndex.get(typeName);
    if (index === undefined) throw new JsCompileError(`unknown sum type '${typeName}'`, line);
    const type = this.types.sumTypes[index];
    const variants = type.variants.map((v) => `{ name: ${JSON.stringify(v.name)}, arity: ${v.arity} }`);
    return this.declare(
      `$type$${qualifiedIdentifier(typeName)}`,
      () => `{ name: ${JSON.stringify(type.name)}, variants: [${variants.join(', ')}] }`,
    );
  }

  /** The tag of a user variant (its index in the declaration). */
  variantTag(typeName: string, variant: string, line: number): number {
    const declared = this.checked.types.get(typeName);
    const tag = declared?.kind === 'sum' ? declared.variants.findIndex((v) => v.name === variant) : -1;
    if (tag < 0) throw new JsCompileError(`unknown variant '${typeName}.${variant}'`, line);
    return tag;
  }

  /**
   * A constructor in value position: `Option.None`, a nullary variant's one shared value, or the function value
   * that builds the variant (`<ctor Shape.Circle>`, `<ctor Result.Ok>`).
   */
  constructorValue(typeName: string, variant: string, line: number): string {
    if (typeName === 'Option' && variant === 'None') return '$NONE';
    const wrap = wrapKindOf(typeName, variant);
    if (wrap !== null) {
      return this.declare(
        `$ctor$${typeName}$${variant}`,
        () => `new $FunctionValue('ctor', ${JSON.stringify(`${typeName}.${variant}`)}, ${wrap}, null)`,
      );
    }
    const tag = this.variantTag(typeName, variant, line);
    const sum = this.sumType(typeName, line);
    const declared = this.checked.types.get(typeName);
    const arity = declared?.kind === 'sum' ? declared.variants[tag].fields.length : 0;
    const id = `${qualifiedIdentifier(typeName)}$${variant}`;
    if (arity === 0) return this.declare(`$${id}`, () => `new $VariantValue(${sum}, ${tag}, [])`);
    const display = `${this.types.sumTypes[this.types.sumIndex.get(typeName)!].name}.${variant}`;
    return this.declare(
      `$ctor$${id}`,
      () => `new $FunctionValue('ctor', ${JSON.stringify(display)}, ${tag}, ${sum})`,
    );
  }
}

/** `Result.Ok` → 0, `Result.Err` → 1, `Option.Some` → 2 (`WrapKind`), or `null` for other constructors. */
export function wrapKindOf(typeName: string, variant: string): number | null {
  if (typeName === 'Result') return variant === 'Ok' ? WrapKind.Ok : variant === 'Err' ? WrapKind.Err : null;
  if (typeName === 'Option' && variant === 'Some') return WrapKind.Some;
  return null;
}
