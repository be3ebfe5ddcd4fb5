import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { captureHost } from './capture-host.js';

describe('captureHost', () => {
  it('uses Rust names for the OS and the architecture and the available parallelism', () => {
    const host = captureHost();
    const expectedOs = { linux: 'linux', darwin: 'macos', win32: 'windows' }[process.platform as string];
    if (expectedOs !== undefined) expect(host.os).toBe(expectedOs);
    const expectedArch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch as string];
    if (expectedArch !== undefined) expect(host.arch).toBe(expectedArch);
    expect(host.cpus).toBe(os.availableParallelism());
  });
});
