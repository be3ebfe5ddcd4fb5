export { type EmitOptions, type EmittedModule, emitModule } from './emit/emit-module.js';
export { JsCompileError } from './emit/compile-error.js';
export {
  compileJsFile,
  compileJsSource,
  compileLowered,
  type JsCompileResult,
  JsProgram,
} from './js-program.js';
export { JsMessages } from './messages.js';
export { type JsRunOptions, JsUnsupportedError, runJs } from './run-js.js';
export { RUNTIME, type JsRuntime } from './runtime.js';
export { jsStackBudget } from './stack-budget.js';
export { compileJob, jsTarget, target } from './js-target.js';
