/**
 * Every checker message text. The ones quoted by the language reference (§2.2, §2.5) are contract and match it word
 * for word; the others (marked "ours") fill gaps where the reference wording is not pinned.
 */
export const checkerMessages = {
  // --- names (§2.5) ---
  unknownIdentifier: (name: string) => `Unknown identifier '${name}'`,
  unknownFunction: (name: string) => `Call to unknown function '${name}'`,
  unknownMember: (modulePath: string, name: string) =>
    `Unknown member '${modulePath}.${name}' (not exposed or missing)`,
  alreadyDefined: (name: string) => `'${name}' is already defined`,

  // --- calls (§2.5) ---
  arity: (fn: string, expected: number, got: number) =>
    `Function '${fn}' expects ${expected} argument(s), got ${got}`,
  argument: (index: number, fn: string, expected: string, got: string) =>
    `Argument ${index} of '${fn}': expected ${expected}, got ${got}`,
  /** ours */
  notCallable: (type: string) => `Cannot call a value of type ${type}`,
  /** ours */
  namedArgsNotAllowed: (fn: string) => `Function '${fn}' does not take named arguments`,
  /** ours */
  nullaryVariantCalled: (variant: string) =>
    `Variant '${variant}' has no fields; write it without parentheses`,

  // --- functions and bindings (§2.5) ---
  returnMismatch: (fn: string, body: string, declared: string) =>
    `Function '${fn}': body returns ${body} but declared return type is ${declared}`,
  bindingMismatch: (name: string, actual: string, annotation: string) =>
    `Binding '${name}': expression has type ${actual}, annotation says ${annotation}`,
  /** ours: `x = []` needs an annotation (§2.2) */
  emptyListNeedsAnnotation: (name: string) =>
    `Binding '${name}': cannot infer the element type of an empty list; add a type annotation`,

  // --- literals (ours) ---
  listElementMismatch: (first: string, other: string) =>
    `List elements must share one type, got ${first} and ${other}`,
  mapKeyMismatch: (first: string, other: string) => `Map keys must share one type, got ${first} and ${other}`,
  mapValueMismatch: (first: string, other: string) =>
    `Map values must share one type, got ${first} and ${other}`,

  // --- records (§2.2, §2.5) ---
  missingField: (record: string, field: string) => `Record '${record}' missing required field '${field}'`,
  unknownField: (record: string, field: string) => `Record '${record}' has no field '${field}'`,
  fieldType: (record: string, field: string, expected: string, got: string) =>
    `Record '${record}' field '${field}' expects ${expected}, got ${got}`,
  duplicateField: (record: string, field: string) =>
    `Record '${record}' field '${field}' provided more than once`,
  fieldAccessOnNonRecord: (type: string) => `Field access on non-record type ${type}`,
  /** ours */
  recordNeedsNamedFields: (record: string) => `Record '${record}' must be constructed with named fields`,
  /** ours */
  notARecord: (name: string) => `'${name}' is not a record type`,

  // --- opaque types (§1.9, §O.8; the type's declared name) ---
  opaqueConstruct: (type: string) =>
    `Cannot construct opaque type '${type}' — use its module's constructor function`,
  opaqueFieldAccess: (type: string, field: string) =>
    `Cannot access field '${field}' of opaque type '${type}'`,
  /** ours */
  opaqueMatch: (type: string) => `Cannot match on opaque type '${type}' outside its module`,

  // --- dependency types used bare (§O.8) ---
  /** `where` names the place: `Function 'f', parameter 's'`. */
  ambiguousTypeName: (where: string, name: string, modules: readonly string[]) =>
    `${where}: Ambiguous type name '${name}'; use ${modules
      .map(
        (module, index) =>
          `${index === 0 ? '' : index === modules.length - 1 ? ' or ' : ', '}\`${module}.${name}\``,
      )
      .join('')} to disambiguate`,

  // --- types (ours) ---
  unknownType: (name: string) => `Unknown type '${name}'`,
  typeArgCount: (name: string, expected: number, got: number) =>
    `Type '${name}' expects ${expected} type argument(s), got ${got}`,

  // --- match (§2.3, §2.5) ---
  armMismatch: (first: string, other: string) => `Match arms return incompatible types: ${first} vs ${other}`,
  nonExhaustive: (missing: string) => `Non-exhaustive match: missing ${missing}`,
  nonExhaustiveCatchAll: () => 'Non-exhaustive match: missing catch-all (_) pattern',
  nonExhaustiveOn: (type: string, missing: string) => `Non-exhaustive match on ${type}: missing ${missing}`,
  /** ours */
  patternMismatch: (pattern: string, subject: string) =>
    `Pattern '${pattern}' cannot match a value of type ${subject}`,
  /** ours */
  unknownConstructor: (name: string) => `Unknown constructor '${name}'`,
  /** ours */
  patternArity: (ctor: string, expected: number, got: number) =>
    `Constructor '${ctor}' expects ${expected} binder(s), got ${got}`,

  // --- operators (§2.2) ---
  plusMismatch: (left: string, right: string) =>
    `Operator '+' requires matching types (Int+Int, Float+Float, or String+String), got ${left} and ${right}`,
  arithmeticMismatch: (left: string, right: string) =>
    `Arithmetic operator requires matching numeric types (Int+Int or Float+Float), got ${left} and ${right}`,
  equalityMismatch: (left: string, right: string) =>
    `Equality operator requires same types, got ${left} and ${right}`,
  comparisonMismatch: (left: string, right: string) =>
    `Comparison operator requires matching types, got ${left} and ${right}`,

  // --- error propagation (§2.2) ---
  tryOnNonResult: (op: string, type: string) => `Operator '${op}' can only be applied to Result, got ${type}`,
  tryOutsideResultFn: (op: string, type: string) =>
    `Operator '${op}' used in function returning ${type}, which is not Result`,
  tryErrMismatch: (op: string, errType: string, fnErrType: string) =>
    `Operator '${op}': Err type ${errType} is incompatible with function's Err type ${fnErrType}`,

  // --- effects (§2.4) ---
  missingEffect: (fn: string, callee: string, effect: string) =>
    `Function '${fn}' calls '${callee}' which has effect '${effect}', but '${fn}' does not declare it`,
  /** ours (the reference says "…is not in the declared boundary") */
  effectOutsideBoundary: (fn: string, effect: string, module: string) =>
    `Function '${fn}' declares effect '${effect}', which is not in the declared boundary of module '${module}'`,
  /** ours */
  unknownEffect: (effect: string) => `Unknown effect '${effect}'`,

  // --- modules (ours) ---
  unknownExposed: (module: string, name: string) => `Module '${module}' exposes unknown name '${name}'`,

  // --- verify blocks (§1.4; ours) ---
  verifyUnknownFunction: (name: string) =>
    `Verify block refers to unknown function '${name}' (it must be defined in the same file)`,
  verifyCaseMismatch: (left: string, right: string) =>
    `Verify case compares incompatible types: ${left} vs ${right}`,
  verifyWhenNotBool: (type: string) => `Verify 'when' condition must be Bool, got ${type}`,
  verifyRangeNotInt: (name: string, type: string) =>
    `Given '${name}': a range domain needs type Int, got ${type}`,
  verifyGivenMismatch: (name: string, actual: string, declared: string) =>
    `Given '${name}': domain value has type ${actual}, declared type is ${declared}`,

  /** ours */
  nestedTooDeeply: () => 'Expression is nested too deeply to check',

  // --- warnings (ours) ---
  duplicateFunction: (name: string) =>
    `Function '${name}' is defined more than once; the last definition wins`,
} as const;

/** The label used for effect errors raised inside a verify block (§2.4). */
export function verifyContextName(fnName: string): string {
  return `<verify:${fnName}>`;
}
