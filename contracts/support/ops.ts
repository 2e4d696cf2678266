/** The six commands as short calls for one owner account, plus a pager over get_contact_group. */
import type { CallOptions, CallResult } from '../../src/client/index.ts';
import type { ContractClient } from './client.ts';
import { rules } from '../../src/rules/index.ts';
import { CMD } from './commands.ts';
import type { Contact, ContactData, GroupItem } from './items.ts';
import { expect } from './matchers.ts';

export interface MarkItemReq {
  OptType: 1 | 2 | 3;
  ContactItem: Contact;
  SetMark?: number[];
  ClearMark?: number[];
  CustomMark?: string;
}

export interface GetBody {
  ContactItem?: ContactData[];
  GroupItem?: GroupItem[];
  CompleteFlag?: number;
  NextStartIndex?: number;
}
export interface SearchBody {
  ContactResultItem?: ContactData[];
  GroupItem?: GroupItem[];
}

export interface AllData {
  items: ContactData[];
  /** GroupItem of the first page. */
  groups: GroupItem[];
  pages: GetBody[];
}

type R<T = any> = Promise<CallResult<T>>;

/**
 * The page size of get_contact_group is not documented: paging follows NextStartIndex/CompleteFlag only. The
 * bound just keeps the loop finite — one conversation per page for the most any test creates (2 × the cap).
 */
const MAX_PAGES = 2 * rules.maxConversationsWithData.limit + rules.maxGroupsPerUser.limit;

export class Ops {
  constructor(
    readonly im: ContractClient,
    readonly owner: string,
  ) {}

  create(name: string, contacts: Contact[] = [], opts?: CallOptions): R {
    return this.im.call(CMD.create, { From_Account: this.owner, GroupContactItem: [{ GroupName: name, ContactItem: contacts }] }, opts);
  }

  /** Creates and returns the new GroupId (asserts success). */
  async mustCreate(name: string, contacts: Contact[] = []): Promise<number> {
    const res = await this.create(name, contacts);
    expect(res, `create group ${name}`).toBeImOk();
    return res.body?.GroupResultItem?.[0]?.GroupItem?.GroupId as number;
  }

  /** UpdateGroupType 2: [1 add | 2 remove, conversation] pairs. */
  update(name: string, changes: [1 | 2, Contact][], opts?: CallOptions): R {
    const ContactUpdateItem = changes.map(([ContactOptType, ContactItem]) => ({ ContactOptType, ContactItem }));
    return this.im.call(CMD.update, { From_Account: this.owner, UpdateType: 1, UpdateGroup: { UpdateGroupType: 2, OldGroupName: name, ContactUpdateItem } }, opts);
  }

  rename(oldName: string, newName: string, opts?: CallOptions): R {
    return this.im.call(CMD.update, { From_Account: this.owner, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: oldName, NewGroupName: newName } }, opts);
  }

  del(name: string, opts?: CallOptions): R {
    return this.im.call(CMD.del, { From_Account: this.owner, GroupName: [name] }, opts);
  }

  mark(items: MarkItemReq[], opts?: CallOptions): R {
    return this.im.call(CMD.mark, { From_Account: this.owner, MarkItem: items }, opts);
  }

  search(contacts: Contact[], opts?: CallOptions): R<SearchBody> {
    return this.im.call(CMD.search, { From_Account: this.owner, ContactItem: contacts }, opts);
  }

  get(startIndex = 0, opts?: CallOptions): R<GetBody> {
    return this.im.call(CMD.get, { From_Account: this.owner, StartIndex: startIndex }, opts);
  }

  /** Asserted search: the data of each requested conversation that has any. */
  async mustSearch(contacts: Contact[]): Promise<SearchBody> {
    const res = await this.search(contacts);
    expect(res).toBeImOk();
    return res.body ?? {};
  }

  /**
   * Pages through get_contact_group from StartIndex 0 with NextStartIndex until CompleteFlag 1.
   * Asserts each page is OK, that paging moves forward and ends, and NextStartIndex 0 on the last page.
   */
  async getAll(maxPages = MAX_PAGES, first?: CallResult<GetBody>): Promise<AllData> {
    const pages: GetBody[] = [];
    let start = 0;
    for (;;) {
      const res = pages.length === 0 && first ? first : await this.get(start);
      expect(res, `get_contact_group page ${pages.length + 1} (StartIndex ${start})`).toBeImOk();
      const page = res.body ?? {};
      pages.push(page);
      expect(page.CompleteFlag, 'CompleteFlag').toBeDefined();
      if (page.CompleteFlag === 1) {
        expect(page.NextStartIndex, 'NextStartIndex on the last page (CompleteFlag 1)').toBe(0);
        break;
      }
      expect(typeof page.NextStartIndex, 'NextStartIndex when CompleteFlag is 0').toBe('number');
      expect(page.NextStartIndex as number, 'NextStartIndex must move forward').toBeGreaterThan(start);
      expect(pages.length, `paging did not end after ${maxPages} pages`).toBeLessThan(maxPages);
      start = page.NextStartIndex as number;
    }
    return { items: pages.flatMap((p) => p.ContactItem ?? []), groups: pages[0]?.GroupItem ?? [], pages };
  }
}

/** Ops for a fresh owner account of the calling test. */
export async function freshOwner(im: ContractClient, accounts: { take(): Promise<string> }): Promise<Ops> {
  return new Ops(im, await accounts.take());
}
