import { writeSync } from 'node:fs';
import { describeIoError } from '@aver/host-io';
import { VmMessages } from './vm-messages.js';

/** Standard output or standard error could not be written (a full disk, a closed pipe, a bad descriptor). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  /** The errno code, e.g. `ENOSPC` or `EPIPE`. */
  readonly code: string | undefined;

  constructor(
    /** `stdout` or `stderr`. */
    readonly stream: 'stdout' | 'stderr',
    cause: unknown,
  ) {
    super(describeIoError(cause));
    this.code = (cause as NodeJS.ErrnoException | null)?.code;
  }

  /** A reader closed the pipe (`aver run … | head`): not a failure worth a message. */
  get closedPipe(): boolean {
    return this.code === 'EPIPE';
  }
}

/**
 * Writes all of `text` to a file descriptor synchronously, so that output keeps its order across stdout and
 * stderr, nothing is lost when the process ends, and a failed write is known at once (Node's stream writes report
 * `ENOSPC` later, or never). A pipe that is full (`EAGAIN`, a non-blocking descriptor) is waited for.
 * @param fd 1 or 2.
 * @param text The text.
 * @throws {OutputError} When the descriptor cannot be written.
 */
export function writeAllSync(fd: 1 | 2, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    let written: number;
    try {
      written = writeSync(fd, bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      throw new OutputError(fd === 1 ? 'stdout' : 'stderr', error);
    }
    bytes = bytes.subarray(written);
  }
}

/**
 * Says that an output stream failed and returns the exit code: a closed pipe ends the command quietly (0, like
 * `aver-bench … | head`); anything else is `aver: cannot write to stdout: <reason>` on stderr and exit 1 (when stderr
 * itself is what failed, there is nowhere left to say it).
 * @param error The failure.
 * @param stderr Where to say it.
 */
export function reportOutputError(error: OutputError, stderr: (line: string) => void): number {
  if (error.closedPipe) return 0;
  if (error.stream === 'stdout') {
    try {
      stderr(VmMessages.cannotWriteStdout(error.message));
    } catch {
      // stderr is gone too: the exit code is all that is left.
    }
  }
  return 1;
}
