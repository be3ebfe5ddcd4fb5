export type { TopLevelEntry } from './bodies.js';
export {
  type CheckedFunction,
  type CheckedGlobal,
  type CheckedProgram,
  type CheckedType,
  type CheckResult,
  checkProgram,
  type IntModStyle,
  type ProgramInput,
} from './check-program.js';
export { checkerMessages } from './messages.js';
export { parseSignature, type Signature } from './signature.js';
export {
  compatible,
  type FnType,
  type TupleStyle,
  type Type,
  typeToString,
} from './types.js';
export type { CheckedGiven, CheckedVerifyBlock } from './verify.js';
