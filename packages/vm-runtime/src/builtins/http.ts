import type { BuiltinDef } from './builtin-def.js';
import { unavailable } from './define.js';

const HEADERS = 'Map<String, List<String>>';

/**
 * The `Http` client namespace (language reference: "Effectful namespaces"): checked, not implemented in this
 * runtime.
 */
export const HTTP_BUILTINS: readonly BuiltinDef[] = [
  unavailable('Http.get', '(String) -> Result<HttpResponse, String>'),
  unavailable('Http.head', '(String) -> Result<HttpResponse, String>'),
  unavailable('Http.delete', '(String) -> Result<HttpResponse, String>'),
  /** `(url, body, contentType, headers)`; headers became a Map in 0.14. */
  unavailable('Http.post', `(String, String, String, ${HEADERS}) -> Result<HttpResponse, String>`),
  unavailable('Http.put', `(String, String, String, ${HEADERS}) -> Result<HttpResponse, String>`),
  unavailable('Http.patch', `(String, String, String, ${HEADERS}) -> Result<HttpResponse, String>`),
];
