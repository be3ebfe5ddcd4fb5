import { readFileSync } from 'node:fs';
import * as messages from './messages.js';

let cached: string | null = null;

/**
 * The bundled page script (Chart.js and the page's own code, minified), built into `dist/page.bundle.js` by the
 * package's build; read once.
 * @throws {Error} When the package was built without it (a broken install).
 */
export function pageScript(): string {
  if (cached === null) {
    const url = new URL('../dist/page.bundle.js', import.meta.url);
    try {
      cached = readFileSync(url, 'utf8');
    } catch (error) {
      throw new Error(
        messages.missingBundle(url.pathname, error instanceof Error ? error.message : String(error)),
      );
    }
  }
  return cached;
}
