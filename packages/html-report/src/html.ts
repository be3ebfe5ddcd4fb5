/** Escapes text for HTML content and attribute values (double-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * JSON for a `<script type="application/json">` element: `<` is written as `\u003c`, so no value can close the
 * element or open a comment, and the parsed data is unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Script text for an inline `<script>`: a `</script` inside (in a string or comment of a bundled library) is
 * written as `<\/script`, which means the same in JavaScript and cannot end the element.
 */
export function scriptForInline(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}
