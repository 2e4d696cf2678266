/**
 * Set-up and teardown calls through the project's ImClient (validated, redacted, retried on
 * throttling), with bounded concurrency. A non-OK answer is a LoadSetupError naming the call.
 */
import { describeCode } from '../../src/errors/index.ts';
import type { Envelope, ImClient } from '../../src/client/index.ts';

export class LoadSetupError extends Error {
  override name = 'LoadSetupError';
}

export type Body = Envelope & Record<string, unknown>;

export async function ok(client: ImClient, command: string, body: unknown): Promise<Body> {
  const r = await client.call<Body>(command, body);
  const b = r.body;
  if (!b || b.ActionStatus !== 'OK') {
    const code = typeof b?.ErrorCode === 'number' ? describeCode(b.ErrorCode) : `HTTP ${r.httpStatus}, body not JSON`;
    throw new LoadSetupError(`${command} failed during load set-up/teardown: ${code} ${b?.ErrorInfo ?? ''} (${r.record.url})`.trim());
  }
  return b;
}

/** Runs fn over items with at most `n` in flight; rejects with the first error after all settle. */
export async function parallel<T>(items: readonly T[], n: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let firstError: unknown;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        await fn(items[i] as T, i);
      } catch (e) {
        firstError ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  if (firstError !== undefined) throw firstError;
}

export interface UserData {
  groups: { GroupName: string; GroupId: number }[];
  contacts: { Type: number; To_Account?: string; ToGroupId?: string; StandardMark?: string; CustomMark?: string }[];
}

/** Every page of get_contact_group for one user (at most 50 pages). */
export async function readUser(client: ImClient, user: string): Promise<UserData> {
  const out: UserData = { groups: [], contacts: [] };
  let start = 0;
  for (let page = 0; page < 50; page++) {
    const b = await ok(client, 'recentcontact/get_contact_group', { From_Account: user, StartIndex: start });
    out.groups = (b.GroupItem as UserData['groups'] | undefined) ?? out.groups;
    out.contacts.push(...((b.ContactItem as UserData['contacts'] | undefined) ?? []));
    if (b.CompleteFlag !== 0 || typeof b.NextStartIndex !== 'number' || b.NextStartIndex <= start) break;
    start = b.NextStartIndex;
  }
  return out;
}
