/**
 * Regenerates `schema.json` from the valibot report schema: `pnpm --filter @aver/bench-report generate:schema`.
 * The output is committed; test/schema-json.test.ts fails when it is stale.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildJsonSchemaText, schemaFileName } from './json-schema.js';

const target = fileURLToPath(new URL(`../${schemaFileName}`, import.meta.url));
const temporary = `${target}.tmp`;
writeFileSync(temporary, buildJsonSchemaText());
renameSync(temporary, target);
console.log(`wrote ${target}`);
