import { createRequire } from 'node:module';

/** This package's version (`package.json`), reported as the bench's `backend.aver_version`. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
