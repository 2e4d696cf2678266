/** `npm run openapi`: writes openapi/tcim.openapi.json from schemas/. `--check` fails when it drifts. */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from '../src/schema/openapi.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
export const OPENAPI_FILE = `${root}openapi/tcim.openapi.json`;

export function renderOpenApi(): string {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
  return `${JSON.stringify(buildOpenApi(pkg.version), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderOpenApi();
  const current = existsSync(OPENAPI_FILE) ? readFileSync(OPENAPI_FILE, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('openapi/tcim.openapi.json is out of date with schemas/: run `npm run openapi`');
      process.exit(1);
    }
  } else {
    mkdirSync(`${root}openapi`, { recursive: true });
    writeFileSync(OPENAPI_FILE, text);
    console.log('wrote openapi/tcim.openapi.json');
  }
}
