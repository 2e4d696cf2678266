import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { generated } from '../../scripts/gen.ts';
import { renderOpenApi, OPENAPI_FILE } from '../../scripts/openapi.ts';
import { listCommands } from '../../src/schema/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('generated TypeScript is up to date with schemas/ (run `npm run gen`)', async () => {
  for (const [file, content] of Object.entries(await generated())) {
    assert.equal(readFileSync(`${root}${file}`, 'utf8'), content, `${file} drifted from schemas/: run npm run gen`);
  }
});

test('generated types have no index signatures and carry byte limits as doc comments', () => {
  const ts = readFileSync(`${root}src/generated/types.ts`, 'utf8');
  assert.ok(!ts.includes('[k: string]'), 'an index signature slipped in');
  assert.match(ts, /@maxBytes 32 \(UTF-8 bytes\)/);
  assert.match(ts, /@maxBytes 256 \(UTF-8 bytes\)/);
  for (const c of listCommands()) assert.match(ts, new RegExp(`export interface ${c.title}Request\\b`));
});

test('the OpenAPI document is up to date (run `npm run openapi`)', () => {
  assert.equal(readFileSync(OPENAPI_FILE, 'utf8'), renderOpenApi());
});

test('the OpenAPI document is valid OpenAPI 3.1 with one POST per command', async () => {
  const doc = JSON.parse(renderOpenApi());
  const api = (await SwaggerParser.validate(doc)) as { openapi: string; paths: Record<string, { post?: { parameters: { name: string }[] } }> };
  assert.equal(api.openapi, '3.1.0');
  for (const c of listCommands()) {
    const op = api.paths[`/v4/${c.name}`]?.post;
    assert.ok(op, `no POST /v4/${c.name}`);
    assert.deepEqual(op.parameters.map((p) => p.name).sort(), ['contenttype', 'identifier', 'random', 'sdkappid', 'usersig']);
  }
  assert.ok(!JSON.stringify(doc).includes('"maxBytes"'), 'byte keywords must be x- extensions in OpenAPI');
});
