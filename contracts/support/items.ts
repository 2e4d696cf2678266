/** Conversation objects, per-item results and standard-mark bit strings. */

export interface Contact {
  Type: 1 | 2;
  To_Account?: string;
  ToGroupId?: string;
}

export interface ItemResult {
  ContactItem?: Contact;
  ResultCode: number;
  ResultInfo: string;
}

/** A conversation's group/mark data as get_contact_group and search_contact_group return it. */
export interface ContactData extends Contact {
  StandardMark?: string;
  CustomMark?: string;
  ContactGroupId?: number[];
  Timestamp: number;
}

export interface GroupItem {
  GroupName: string;
  GroupId: number;
}

export const c2c = (peer: string): Contact => ({ Type: 1, To_Account: peer });
export const g2c = (groupId: string): Contact => ({ Type: 2, ToGroupId: groupId });
export const keyOf = (c: Contact): string => (c.Type === 1 ? `1:${c.To_Account ?? ''}` : `2:${c.ToGroupId ?? ''}`);

/** The per-item results of a response, wherever the command puts them. */
export function itemResults(command: string, body: unknown): ItemResult[] {
  const b = body as Record<string, any> | undefined;
  switch (command) {
    case 'recentcontact/create_contact_group':
      return b?.GroupResultItem?.[0]?.ResultItem ?? [];
    case 'recentcontact/update_contact_group':
      return b?.UpdateGroupResult?.ContactResultItem ?? [];
    case 'recentcontact/mark_contact':
    case 'im_open_login_svc/account_delete':
      return b?.ResultItem ?? [];
    default:
      return [];
  }
}

/** Bits set in a StandardMark string (bit 0 = rightmost character, the schema's choice). */
export function bitsOf(mark: string | undefined): number[] {
  if (!mark) return [];
  const bits: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[mark.length - 1 - i] === '1') bits.push(i);
  return bits;
}

/** The StandardMark string for a set of bits, without leading zeros ('' when no bit is set). */
export function markOf(bits: number[]): string {
  if (bits.length === 0) return '';
  let n = 0n;
  for (const b of bits) n |= 1n << BigInt(b);
  return n.toString(2);
}

export const sortNum = (a: number[]): number[] => [...a].sort((x, y) => x - y);
