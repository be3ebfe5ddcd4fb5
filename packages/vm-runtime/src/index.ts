// The language tools and the bytecode VM.
export type { Expr, Item, SourceFile, Span, Stmt } from './ast.js';
export {
  BUILTIN_INDEX,
  BUILTIN_SIGNATURES,
  BUILTINS,
  type BuiltinDef,
  type BuiltinImpl,
  type BuiltinSignature,
  BUILTIN_CONSTANTS,
  builtinImplementations,
  type HostContext,
} from './builtins/index.js';
export {
  type CheckedFunction,
  type CheckedGlobal,
  type CheckedProgram,
  type CheckedType,
  type CheckResult,
  checkProgram,
  type Type,
  typeToString,
} from './checker/index.js';
export { disassemble, disassembleChunk, disassembleInstruction } from './debug.js';
export {
  type Diagnostic,
  formatDiagnosticLine,
  hasErrors,
  renderDiagnostic,
} from './diagnostics.js';
export { displayValue, reprValue } from './display.js';
export { compareStrings, mapKeyOf, valuesEqual } from './equality.js';
export { AverRuntimeError, matchFailure, type RuntimeErrorKind } from './errors.js';
export type { FunctionCounters, RunCounters, StackCounters } from './counting-state.js';
export { mainErrorMessage } from './main-result.js';
export { type EffectPolicy, EffectPolicyError, Sandbox } from './sandbox.js';
export { SANDBOXED_NAMESPACES } from './builtins/effect-guard.js';
export { type LoadedProgram, loadProgram, type ReadSourceFile } from './module-loader.js';
export { type ParseResult, parseSource } from './parser.js';
export { type LoweredProgram, PIPELINE_STAGES, type PipelineStage, type StageReports } from './pipeline.js';
export {
  type CompiledProgram,
  type CompileOptions,
  type CompileResult,
  compileFile,
  compileSource,
  DEFAULT_MAX_FRAMES,
  type RunOptions,
  type RunResult,
  runProgram,
} from './program.js';
export { type ConsoleOption, createHost } from './run-host.js';
export { limitHost } from './run-limits.js';
export type { Value } from './values.js';
export { formatVerifyReport, type VerifyOptions, type VerifyReport, verifyProgram } from './verify.js';
export { VERSION } from './version.js';

// The front-end API for other backends (see the README, "Front-end API for backends"): source → checked, lowered
// program, the facts the passes computed, and the runtime pieces a backend shares with the VM to be exact.
export type {
  Binary,
  BinaryOp,
  BindingStmt,
  BindPattern,
  BoolLit,
  Call,
  CallTarget,
  ConsPattern,
  ConstructorPattern,
  DisplayKind,
  ExprStmt,
  FloatLit,
  FnDecl,
  Ident,
  InterpSegment,
  InterpString,
  IntLit,
  ListExpr,
  LiteralPattern,
  MapExpr,
  MatchArm,
  MatchExpr,
  Member,
  NamedArg,
  NameResolution,
  Negate,
  NilPattern,
  OperandKind,
  Pattern,
  ProductExpr,
  StringLit,
  TryExpr,
  TupleExpr,
  TuplePattern,
  UnitLit,
  WildcardPattern,
} from './ast.js';
export { armForKnownVariant, type SetOrKeepShape, setOrKeepShape } from './compiler/fusion-shapes.js';
export { coveredByEarlierArms } from './compiler/match-coverage.js';
export { boolBranchArms } from './passes/match-shape.js';
export {
  type Construction,
  constructionOf,
  isInlinable,
  onlyTakenApart,
  readsSlot,
} from './compiler/inline-analysis.js';
export {
  type FrontEndFailure,
  type FrontEndOptions,
  type LowerResult,
  lowerFile,
  lowerSource,
} from './frontend.js';
export { BUFFER_PARAM, BufferIntrinsic } from './passes/buffer-build.js';
export type { CodeUnit, UnitFacts, UnitParam, VerifyUnitRole } from './passes/code-unit.js';
export {
  BORROWING_BUILTINS,
  FRESH_OWNED_RESULTS,
  FRESH_PAYLOAD_RESULTS,
  isOwnedType,
} from './passes/ownership.js';
export { type RuntimeTypes, runtimeTypesOf } from './runtime-types.js';
export { RuntimeMessages } from './runtime-messages.js';
export { VmMessages } from './vm-messages.js';
export { formatFloat } from './float-format.js';
export { checkedString, engineLimitError, MAX_STRING_LENGTH } from './engine-limits.js';
export { type Int, intAdd, intDiv, intMul, intNegate, intSub } from './int64.js';
export {
  cons,
  EMPTY_LIST,
  FunctionValue,
  ListValue,
  listFromArray,
  listToArray,
  type MapEntry,
  MapValue,
  NONE,
  NoneValue,
  normalizeInt,
  type RecordType,
  RecordValue,
  type SumType,
  TupleValue,
  UNIT,
  UnitValue,
  VariantValue,
  VectorValue,
  WrapKind,
  WrapValue,
} from './values.js';
export { codePointAt, releaseCodePointStrings } from './builtins/code-point-index.js';
export { CHARGE_THRESHOLD } from './builtins/work-cost.js';
export {
  buildMap,
  buildPermutedRecord,
  checkDeadline,
  copyVectorWith,
  DEADLINE_CHECK_INTERVAL,
  firstErr,
  globalReadTooEarly,
  interpolationText,
  type LimitState,
  markShared,
  StringBuffer,
  updateRecord,
  WORK_CHECK_INTERVAL,
} from './vm-support.js';
