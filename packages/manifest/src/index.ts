export type { EffectsShape } from './effects-schema.js';
export { EFFECTS_KEYS, NO_EFFECTS } from './effects-schema.js';
export type { ExpectedShape, Manifest, Tolerance } from './manifest.js';
export {
  AD_HOC_ITERATIONS,
  AD_HOC_WARMUP,
  DEFAULT_ITERATIONS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOLERANCE,
  DEFAULT_WARMUP,
  NO_EXPECTATIONS,
} from './manifest.js';
export type { ManifestErrorKind, ManifestIssue } from './manifest-error.js';
export { ManifestError } from './manifest-error.js';
export { loadManifest } from './load-manifest.js';
export type { AdHocOptions } from './synthesize-ad-hoc-manifest.js';
export { synthesizeAdHocManifest } from './synthesize-ad-hoc-manifest.js';
export { fileStem, joinPathVerbatim, parentDirVerbatim } from './path-utils.js';
