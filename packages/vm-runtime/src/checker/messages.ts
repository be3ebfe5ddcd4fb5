/**
 * Every checker message text. The ones quoted by the language reference (
 * "Inference and checking rules", "Checker errors worth reproducing") are contract and match it word for word; the
 * others (marked "ours") fill gaps where the reference wording is not pinned.
 */
export const checkerMessages = {
  // --- names (language reference: "Checker errors worth reproducing") ---
  unknownIdentifier: (name: string) => `Unknown identifier '${name}'`,
  unknownFunction: (name: string) => `Call to unknown function '${name}'`,
  unknownMember: (modulePath: string, name: string) =>
    `Unknown member '${modulePath}.${name}' (not exposed or missing)`,
  alreadyDefined: (name: string) => `'${name}' is already defined`,

  // --- calls (language reference: "Checker errors worth reproducing") ---
  arity: (fn: string, expected: number, got: number) =>
    `Function '${fn}' expects ${expected} argument(s), got ${got}`,
  argument: (index: number, fn: string, expected: string, got: string) =>
    `Argument ${index} of '${fn}': expected ${expected}, got ${got}`,
  /** ours */
  notCallable: (type: string) => `Cannot call a value of type ${type}`,
  /** ours */
  namedArgsNotAllowed: (fn: string) => `Function '${fn}' does not take named arguments`,
  /** ours: `BranchPath.Root()` (Oracle addendum: "`BranchPath`, `Trace`, `EffectEvent`": a value, not a function) */
  constantCalled: (name: string) => `'${name}' is a value, not a function; write it without parentheses`,
  /** ours */
  nullaryVariantCalled: (variant: string) =>
    `Variant '${variant}' has no fields; write it without parentheses`,

  // --- functions and bindings (language reference: "Checker errors worth reproducing") ---
  returnMismatch: (fn: string, body: string, declared: string) =>
    `Function '${fn}': body returns ${body} but declared return type is ${declared}`,
  bindingMismatch: (name: string, actual: string, annotation: string) =>
    `Binding '${name}': expression has type ${actual}, annotation says ${annotation}`,
  /** ours: `x = []` needs an annotation (language reference: "Inference and checking rules") */
  emptyListNeedsAnnotation: (name: string) =>
    `Binding '${name}': cannot infer the element type of an empty list; add a type annotation`,

  // --- literals (ours) ---
  listElementMismatch: (first: string, other: string) =>
    `List elements must share one type, got ${first} and ${other}`,
  mapKeyMismatch: (first: string, other: string) => `Map keys must share one type, got ${first} and ${other}`,
  mapValueMismatch: (first: string, other: string) =>
    `Map values must share one type, got ${first} and ${other}`,

  // --- records (language reference: "Inference and checking rules", "Checker errors worth reproducing") ---
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

  // --- opaque types (language reference: "Modules and imports"; Oracle addendum: "`depends` name resolution"; the
  // type's declared name) ---
  opaqueConstruct: (type: string) =>
    `Cannot construct opaque type '${type}' — use its module's constructor function`,
  opaqueFieldAccess: (type: string, field: string) =>
    `Cannot access field '${field}' of opaque type '${type}'`,
  /** ours */
  opaqueMatch: (type: string) => `Cannot match on opaque type '${type}' outside its module`,

  // --- dependency types used bare (Oracle addendum: "`depends` name resolution") ---
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

  // --- match (language reference: "Exhaustiveness", "Checker errors worth reproducing") ---
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

  // --- operators (language reference: "Inference and checking rules") ---
  plusMismatch: (left: string, right: string) =>
    `Operator '+' requires matching types (Int+Int, Float+Float, or String+String), got ${left} and ${right}`,
  arithmeticMismatch: (left: string, right: string) =>
    `Arithmetic operator requires matching numeric types (Int+Int or Float+Float), got ${left} and ${right}`,
  equalityMismatch: (left: string, right: string) =>
    `Equality operator requires same types, got ${left} and ${right}`,
  comparisonMismatch: (left: string, right: string) =>
    `Comparison operator requires matching types, got ${left} and ${right}`,

  // --- error propagation (language reference: "Inference and checking rules") ---
  tryOnNonResult: (op: string, type: string) => `Operator '${op}' can only be applied to Result, got ${type}`,
  tryOutsideResultFn: (op: string, type: string) =>
    `Operator '${op}' used in function returning ${type}, which is not Result`,
  tryErrMismatch: (op: string, errType: string, fnErrType: string) =>
    `Operator '${op}': Err type ${errType} is incompatible with function's Err type ${fnErrType}`,

  // --- effects (language reference: "Type system: effects") ---
  missingEffect: (fn: string, callee: string, effect: string) =>
    `Function '${fn}' calls '${callee}' which has effect '${effect}', but '${fn}' does not declare it`,
  /** ours (the reference says "…is not in the declared boundary") */
  effectOutsideBoundary: (fn: string, effect: string, module: string) =>
    `Function '${fn}' declares effect '${effect}', which is not in the declared boundary of module '${module}'`,
  /** ours */
  unknownEffect: (effect: string) => `Unknown effect '${effect}'`,

  // --- modules (ours) ---
  unknownExposed: (module: string, name: string) => `Module '${module}' exposes unknown name '${name}'`,

  // --- verify blocks (language reference: "Top-level items"; ours) ---
  verifyUnknownFunction: (name: string) =>
    `Verify block refers to unknown function '${name}' (it must be defined in the same file)`,
  verifyCaseMismatch: (left: string, right: string) =>
    `Verify case compares incompatible types: ${left} vs ${right}`,
  verifyWhenNotBool: (type: string) => `Verify 'when' condition must be Bool, got ${type}`,
  verifyRangeNotInt: (name: string, type: string) =>
    `Given '${name}': a range domain needs type Int, got ${type}`,
  verifyGivenMismatch: (name: string, actual: string, declared: string) =>
    `Given '${name}': domain value has type ${actual}, declared type is ${declared}`,

  // --- Oracle verification (Oracle addendum: "`BranchPath`, `Trace`, `EffectEvent`", "Checker rules and messages":
  // the reference's texts; the parts it elides, and those marked, are ours) ---
  verifyNoCases: (fn: string) => `Verify block '${fn}' must contain at least one case`,
  verifyCaseMustCall: (fn: string, index: number) =>
    `Verify block '${fn}' case #${index} must call '${fn}' on the left side`,
  projectionOutsideTrace: (step: string) =>
    `\`.${step}\` projection is only available inside a \`verify <fn> trace\` case body. Drop it, or move the expression into a verify-trace block.`,
  traceQueryArgument: (method: string) =>
    `Trace.${method}(x): argument must be either an effect-method reference (e.g. \`Console.print\`) or an effect-method call (e.g. \`Console.print("...")\`) that elaborates to an event literal`,
  traceIndexLiteral: (method: string, parameter: string) =>
    `Trace.${method}(${parameter}) requires a literal non-negative Int for v0`,
  /** ours */
  traceBranchWithoutGroup: () => '`.branch` is valid only after `.group`',
  /** ours */
  traceGroupNotOnTrace: () => '`.group` applies only to `.trace` itself',
  /** ours */
  traceUnknownQuery: (name: string) =>
    `Unknown trace query '.${name}': a trace has length(), event(k), contains(x), count(x), group(n) and branch(i)`,
  /** ours */
  traceQueryArity: (method: string, expected: number, got: number) =>
    `Trace.${method} expects ${expected} argument(s), got ${got}`,
  /** ours */
  traceQueryOnValue: () =>
    'Trace queries apply to a trace projection of a call (`f(a).trace.length()`), not to a Trace value',
  outputGiven: (given: string, effect: string) =>
    `given '${given}': effect '${effect}' is output-only (dimension Output) and has no oracle — output effects are asserted about via the trace API, not bound via \`given\``,
  unknownLawGivenType: (type: string, given: string) =>
    `Unknown type '${type}' in verify law given '${given}'`,
  lawWhenNotBool: (label: string, type: string) =>
    `Verify law '${label}' when condition must have type Bool, got ${type}`,
  duplicateEffectGiven: (fn: string, effect: string, names: readonly string[]) =>
    `verify '${fn}' has ${names.length} \`given\` bindings for the same effect '${effect}': ${names.join(', ')}. Each effect method has one oracle parameter in the lifted form, so a second stub has no slot to bind to. To test multiple stub behaviours, use a multi-value domain: \`given ${names[0]}: ${effect} = [stub1, stub2, ...]\`, which expands into a separate sample theorem per stub.`,
  missingStubs: (fn: string, missing: readonly string[]) =>
    `verify trace '${fn}' needs a \`given\` stub for each generative effect the fn uses; missing: ${missing.join(', ')}. Without stubs the verify run dispatches the real effect (e.g. a live random value) and assertions compare against non-deterministic output. Add e.g. \`given name: ${missing[0]} = [stubFn]\`, where stubFn has signature \`(BranchPath, Int, args...) -> T\`.`,
  stubType: (given: string, effect: string, expected: string, got: string) =>
    `given '${given}: ${effect}' expects a stub of type ${expected}, got ${got}. Snapshot effects take no BranchPath / counter; generative effects take a leading (BranchPath, Int).`,
  recursiveTraceLaw: (fn: string, law: string, effects: readonly string[]) =>
    `verify '${fn} trace law ${law}' targets a recursive effectful function (effects: ${effects.join(', ')}). Trace-aware laws on effectful recursion are not supported in Oracle v1 — verify it with \`verify ${fn} trace\` cases instead.`,
  proofSubset: (label: string, fn: string, effects: readonly string[], classified: readonly string[]) =>
    `${label} '${fn}' uses effect(s) outside Oracle v1's proof subset: ${effects.join(', ')}. These effects are ambient state, which a verify run can neither stub nor record as trace events. Use 'aver record' / 'aver replay' for deterministic reproduction. Oracle v1's classified effects: ${classified.join(', ')}.`,
  /** ours */
  stubNotFunction: (given: string) => `given '${given}': a stub must be a function name (plain or qualified)`,
  /** ours */
  unknownEffectGiven: (given: string, effect: string) => `given '${given}': unknown effect '${effect}'`,
  /** ours */
  unclassifiedEffectGiven: (given: string, effect: string) =>
    `given '${given}': effect '${effect}' is outside Oracle v1's classified effects and cannot be stubbed`,

  /** ours */
  nestedTooDeeply: () => 'Expression is nested too deeply to check',

  // --- warnings (ours) ---
  duplicateFunction: (name: string) =>
    `Function '${name}' is defined more than once; the last definition wins`,
} as const;

/** The label used for effect errors raised inside a verify block (language reference: "Type system: effects"). */
export function verifyContextName(fnName: string): string {
  return `<verify:${fnName}>`;
}
