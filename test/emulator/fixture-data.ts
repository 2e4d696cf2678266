/** The valid request fixtures of schemas/fixtures and the state each needs before it is replayed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CMD, type Body, type Harness } from './helpers.ts';

const VALID = fileURLToPath(new URL('../../schemas/fixtures/valid/', import.meta.url));

export interface Fixture {
  command: string;
  file: string;
  body: Body;
}

export function requestFixtures(): Fixture[] {
  if (!existsSync(VALID)) return [];
  const out: Fixture[] = [];
  for (const service of readdirSync(VALID)) {
    for (const command of readdirSync(join(VALID, service))) {
      for (const file of readdirSync(join(VALID, service, command)).filter((f) => f.startsWith('request-') && f.endsWith('.json')).sort()) {
        const data = JSON.parse(readFileSync(join(VALID, service, command, file), 'utf8')) as { body: Body };
        out.push({ command: `${service}/${command}`, file, body: data.body });
      }
    }
  }
  return out;
}

function collect(node: unknown, key: string, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) collect(n, key, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key && typeof v === 'string') out.add(v);
      else collect(v, key, out);
    }
  }
  return out;
}

/** Sets up what the fixture needs: accounts it names (or deletes), IM groups it refers to, the conversation groups it updates or deletes. */
export async function prepare(h: Harness, f: Fixture): Promise<void> {
  const users = [...collect(f.body, 'From_Account', new Set()), ...collect(f.body, 'Owner_Account', new Set())];
  if (f.command === CMD.accountDelete) users.push(...collect(f.body, 'UserID', new Set()));
  if (users.length) await h.importUsers(...users);
  const imGroups = collect(f.body, 'ToGroupId', new Set());
  if (f.command === CMD.destroyGroup) imGroups.add(f.body.GroupId);
  for (const id of imGroups) h.emu.control.app.createImGroup({ GroupId: id, Type: 'Public', Name: 'fixture' });
  const from = f.body.From_Account as string;
  const names = f.command === CMD.update ? [f.body.UpdateGroup.OldGroupName] : f.command === CMD.del ? f.body.GroupName : [];
  for (const name of names) await h.ok(CMD.create, { From_Account: from, GroupContactItem: [{ GroupName: name, ContactItem: [] }] });
}

