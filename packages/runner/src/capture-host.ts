import os from 'node:os';
import type { HostInfo } from '@aver/bench-report';

const OS_NAMES: Readonly<Record<string, string>> = { darwin: 'macos', win32: 'windows', linux: 'linux' };
const ARCH_NAMES: Readonly<Record<string, string>> = {
  x64: 'x86_64',
  arm64: 'aarch64',
  ia32: 'x86',
  arm: 'arm',
};

/**
 * Describes this machine the way the reference's `HostInfo::capture` does (bench spec: "TypeScript porting notes",
 * note 7): Rust's OS and architecture names and the available parallelism (1 when unknown). Platforms without a Rust
 * name keep Node's.
 * @returns The host block of a report.
 */
export function captureHost(): HostInfo {
  let cpus = 1;
  try {
    cpus = Math.max(1, os.availableParallelism());
  } catch {
    cpus = 1;
  }
  return {
    os: OS_NAMES[process.platform] ?? process.platform,
    arch: ARCH_NAMES[process.arch] ?? process.arch,
    cpus,
  };
}
