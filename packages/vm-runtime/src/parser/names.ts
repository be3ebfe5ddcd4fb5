const upperStart = /^\p{Lu}/u;

/**
 * Whether a name is UpperCamel (a type, constructor, namespace or module segment) rather than lowerCamel
 * (reference §1.3).
 */
export function isUpperName(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return upperStart.test(name);
}
