import type { BuiltinDef } from './builtin-def.js';
import { unavailable } from './define.js';

/**
 * The `HttpServer` namespace (language reference: "Effectful namespaces"): checked, not implemented in this
 * runtime. The handler's own effects are whatever it declares (`! [..]` in the reference); the signature
 * leaves them open. The context type `C` of `listenWith` is written `T`.
 */
export const HTTP_SERVER_BUILTINS: readonly BuiltinDef[] = [
  unavailable('HttpServer.listen', '(Int, Fn(HttpRequest) -> HttpResponse) -> Unit'),
  unavailable('HttpServer.listenWith', '(Int, T, Fn(T, HttpRequest) -> HttpResponse) -> Unit'),
];
