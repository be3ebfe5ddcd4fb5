const upperStart = /^\p{Lu}/u;

/**
 * Whether a name is UpperCamel (a type, constructor, namespace or module segment) rather than lowerCamel
 * (language reference: "Tokens").
 */
export function isUpperName(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return upperStart.test(name);
}

const smallInts: bigint[] = Array.from({ length: 256 }, (_, n) => BigInt(n));

/** The exact value of an Int literal's digits (the lexer has already checked the i64 range). */
export function intValue(digits: string): bigint {
  if (digits.length <= 3) {
    const n = Number(digits);
    if (n < 256) return smallInts[n];
  }
  return BigInt(digits);
}
