export type { Expr, Item, SourceFile, Span, Stmt } from './ast.js';
export { BUILTIN_INDEX, BUILTINS, type BuiltinDef, type HostContext } from './builtins/index.js';
export {
  type CheckedProgram,
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
export { valuesEqual } from './equality.js';
export { AverRuntimeError, type RuntimeErrorKind } from './errors.js';
export { mainErrorMessage } from './main-result.js';
export { type LoadedProgram, loadProgram, type ReadSourceFile } from './module-loader.js';
export { type ParseResult, parseSource } from './parser.js';
export { PIPELINE_STAGES, type PipelineStage } from './pipeline.js';
export {
  type CompiledProgram,
  type CompileOptions,
  type CompileResult,
  compileFile,
  compileSource,
  DEFAULT_MAX_FRAMES,
  type RunCounters,
  type RunOptions,
  type RunResult,
  runProgram,
} from './program.js';
export type { ConsoleOption } from './run-host.js';
export type { Value } from './values.js';
export { formatVerifyReport, type VerifyReport, verifyProgram } from './verify.js';
export { VERSION } from './version.js';
