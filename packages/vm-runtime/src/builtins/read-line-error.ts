/**
 * Thrown by a `HostContext.readLine` that could not read (stdin is a directory, a closed descriptor …): the
 * `Console.readLine` built-in turns it into `Result.Err(message)`, as the reference returns the `io::Error` text.
 */
export class ReadLineError extends Error {
  override readonly name = 'ReadLineError';
}
