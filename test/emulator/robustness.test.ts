/**
 * Property-based robustness: thousands of mutated fixtures, random JSON, random text and broken query strings.
 * The emulator never crashes (no internal error is logged), always answers HTTP 200 with a strictly
 * schema-valid envelope of a code from the error table, and keeps serving.
 * Seed: TCIM_FC_SEED (default fixed, so runs are repeatable).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { lookupError, ErrorCodes } from '../../src/errors/index.ts';
import { validateResponse } from '../../src/schema/index.ts';
import { assertEnvelope, CMD, harness, type Body, type Harness } from './helpers.ts';
import { prepare, requestFixtures } from './fixture-data.ts';

const SEED = Number(process.env.TCIM_FC_SEED ?? 20240611);
const COMMANDS = Object.values(CMD) as string[];
const FIXTURE_DIR = fileURLToPath(new URL('../../schemas/fixtures/', import.meta.url));

/** Request bodies of valid and invalid fixtures, by command. */
function seeds(): { command: string; body: unknown }[] {
  const out: { command: string; body: unknown }[] = [];
  for (const kind of ['valid', 'invalid']) {
    const root = join(FIXTURE_DIR, kind);
    if (!existsSync(root)) continue;
    for (const service of readdirSync(root)) {
      for (const command of readdirSync(join(root, service))) {
        for (const f of readdirSync(join(root, service, command)).filter((n) => n.startsWith('request-'))) {
          out.push({ command: `${service}/${command}`, body: (JSON.parse(readFileSync(join(root, service, command, f), 'utf8')) as Body).body });
        }
      }
    }
  }
  return out.length ? out : [{ command: CMD.get, body: { From_Account: 'u1', StartIndex: 0 } }];
}

type Path = (string | number)[];
function paths(node: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(node)) node.forEach((v, i) => paths(v, [...at, i], out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths(v, [...at, k], out);
  return out;
}

const EDGE: unknown[] = ['', 'x'.repeat(300), '😀'.repeat(70), -1, 0, 1, 2, 3, 63, 64, 2 ** 53, -(2 ** 31), 1e308, 0.5, null, true, [], {}, ['a'], [{}], '@TGS#x', 'u1'];
const mutation = fc.record({ pick: fc.nat(), op: fc.constantFrom('delete', 'replace', 'edge', 'dup', 'extra'), value: fc.jsonValue({ maxDepth: 2 }), edge: fc.constantFrom(...EDGE) });

function mutate(body: unknown, muts: { pick: number; op: string; value: unknown; edge: unknown }[]): unknown {
  let root: unknown = structuredClone(body);
  for (const m of muts) {
    const all = paths(root);
    const path = all[m.pick % all.length]!;
    if (path.length === 0) {
      root = m.op === 'edge' ? m.edge : m.op === 'replace' ? m.value : root;
      continue;
    }
    const parent = path.slice(0, -1).reduce((n: any, k) => n[k], root as any);
    const key = path[path.length - 1]!;
    if (m.op === 'delete') Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key];
    else if (m.op === 'replace') parent[key] = m.value;
    else if (m.op === 'edge') parent[key] = structuredClone(m.edge);
    else if (m.op === 'dup' && Array.isArray(parent[key])) parent[key].push(...structuredClone(parent[key]));
    else if (parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key])) parent[key].Unknown = m.value;
  }
  return root;
}

function query(h: Harness, overrides: Record<string, string | null>): string {
  const q: Record<string, string | null> = { sdkappid: String(h.emu.sdkappid), identifier: h.emu.admin, usersig: h.sig(), random: '1', contenttype: 'json', ...overrides };
  return new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== null)).toString();
}

const logs: string[] = [];

async function send(h: Harness, path: string, q: string, body: string | Uint8Array | undefined, method = 'POST'): Promise<void> {
  const res = await fetch(`${h.emu.url}${path}?${q}`, { method, ...(body === undefined || method === 'GET' ? {} : { body: body as BodyInit }) });
  assert.equal(res.status, 200);
  const answer = JSON.parse(await res.text()) as Body;
  const command = path.startsWith('/v4/') ? path.slice(4) : '';
  if (COMMANDS.includes(command)) {
    const v = validateResponse(command, answer, { strict: true });
    assert.ok(v.ok, `${command}: ${JSON.stringify(v.errors)} ${JSON.stringify(answer).slice(0, 500)}`);
  } else assertEnvelope(answer);
  assert.ok(lookupError(answer.ErrorCode), `code ${answer.ErrorCode} is not in the error table`);
  assert.deepEqual(logs, [], 'no internal error');
}

test('the emulator survives thousands of random and mutated requests', { timeout: 120_000 }, async () => {
  const h = await harness({ logger: (l) => logs.push(l) });
  try {
    for (const f of requestFixtures()) await prepare(h, f).catch(() => undefined);
    await h.importUsers('u1');
    const base = seeds();
    const params = { seed: SEED, numRuns: 1500, endOnFailure: true };

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...base), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (s, muts) => {
        await send(h, `/v4/${s.command}`, query(h, {}), JSON.stringify(mutate(s.body, muts)));
      }),
      params,
    );

    const anyBody = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v) as string | Uint8Array),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', '{', 'null', '[]', '{"From_Account":"u1"}', ' '.repeat(10)),
      fc.uint8Array({ maxLength: 64 }),
    );
    const anyPath = fc.oneof(fc.constantFrom(...COMMANDS.map((c) => `/v4/${c}`)), fc.constantFrom('/v4/', '/v4/recentcontact/x', '/', '/v4/a/b/c'), fc.webPath());
    await fc.assert(
      fc.asyncProperty(anyPath, anyBody, fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'), async (path, body, method) => {
        await send(h, path.startsWith('/_emulator') ? '/v4/x' : path, query(h, {}), body, method);
      }),
      { ...params, numRuns: 1000 },
    );

    const value = fc.option(fc.oneof(fc.string(), fc.constantFrom('', '0', '4294967296', 'json', 'administrator', 'not-a-sig')), { nil: null });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ sdkappid: value, identifier: value, usersig: value, random: value, contenttype: value }, { requiredKeys: [] }),
        fc.constantFrom(...COMMANDS),
        async (overrides, command) => {
          await send(h, `/v4/${command}`, query(h, overrides as Record<string, string | null>), '{"From_Account":"u1","StartIndex":0}');
        },
      ),
      { ...params, numRuns: 600 },
    );

    assert.deepEqual(logs, [], 'no internal error');
    assert.equal((await h.ok(CMD.get, { From_Account: 'u1', StartIndex: 0 })).ErrorCode, ErrorCodes.OK, 'still serving');
    const stats = h.emu.control.stats() as { total: number; byCode: Record<string, number> };
    assert.ok(stats.total >= 3000);
    assert.equal(stats.byCode[ErrorCodes.INTERNAL_ERROR], undefined);
  } finally {
    await h.close();
  }
});
