/**
 * The Int operators of a generated module (`$addInt`, `$subInt`, `$mulInt`, `$negInt`, `$divInt`): exact i64 with
 * wrapping,
 * as on the VM (reference "Int"), written into every module rather than shared through `$rt`, so that V8's type
 * feedback for them is the program's own (a program that overflows into bigints elsewhere in the isolate does not
 * slow this one down).
 *
 * An operation runs on the JS numbers first. An int32 result is kept as it is; any other number goes to the `slow`
 * entry of its operator (a safe integer is kept, beyond 2^53 the VM's exact code in `$rt`); a bigint operand makes
 * the operator throw (mixed with a number) or give a bigint (with another), both caught and redone exactly.
 * Division of two numbers truncates their float quotient, which is exact for safe integers (a non-integer quotient
 * is at least 1/|b| from the next integer, more than its rounding error while |a| < 2^53); a zero divisor, a
 * bigint or a mix goes to the VM's code, which gives the exact quotient or its division-by-zero error.
 *
 * Why the odd shape: V8 compiles an `if` arm that never ran to an unconditional deoptimisation. Inside a loop,
 * such an arm stops it from peeling the loop's first iteration, and then every loop variable stays a boxed value
 * that each iteration checks, unboxes and boxes again (measured: 2–3x slower loops). A property read whose key has
 * only ever been `'int32'` compiles to a guard instead (a conditional deoptimisation), which keeps the loop
 * peelable; the `try` costs nothing in optimised code, where the number operator cannot throw.
 */
export const INT_ARITHMETIC = `const $intPath = {
  int32: (a, b, result) => result,
  add: (a, b, sum) => (sum <= ${Number.MAX_SAFE_INTEGER} && sum >= -${Number.MAX_SAFE_INTEGER} ? sum : $rt.intAdd(a, b)),
  sub: (a, b, difference) => (difference <= ${Number.MAX_SAFE_INTEGER} && difference >= -${Number.MAX_SAFE_INTEGER} ? difference : $rt.intSub(a, b)),
  mul: (a, b, product) => (product <= ${Number.MAX_SAFE_INTEGER} && product >= -${Number.MAX_SAFE_INTEGER} ? product : $rt.intMul(a, b)),
  div: (a, b, quotient) => $rt.divInt(a, b),
};
function $addInt(a, b) {
  let sum, path;
  try {
    sum = a + b;
    path = (sum | 0) === sum ? 'int32' : 'add';
  } catch {
    return $rt.intAdd(a, b);
  }
  return $intPath[path](a, b, sum);
}
function $subInt(a, b) {
  let difference, path;
  try {
    difference = a - b;
    path = (difference | 0) === difference ? 'int32' : 'sub';
  } catch {
    return $rt.intSub(a, b);
  }
  return $intPath[path](a, b, difference);
}
function $mulInt(a, b) {
  let product, path;
  try {
    product = a * b + 0; // + 0: the -0 of 0 * -n is 0
    path = (product | 0) === product ? 'int32' : 'mul';
  } catch {
    return $rt.intMul(a, b);
  }
  return $intPath[path](a, b, product);
}
function $divInt(a, b) {
  let quotient, path;
  try {
    quotient = Math.trunc(a / b) + 0; // + 0: the -0 of -1 / 3 is 0
    path = b !== 0 ? 'int32' : 'div';
  } catch {
    return $rt.divInt(a, b);
  }
  return $intPath[path](a, b, quotient);
}
function $negInt(a) {
  try {
    return 0 - a; // a safe integer's negation is one
  } catch {
    return $rt.intNegate(a);
  }
}`;
