/**
 * The generated probes' scenarios: per command, the calls after which its answer holds every documented
 * field it can hold — a C2C and a G2C conversation (To_Account and ToGroupId), standard and custom marks,
 * a group membership (ContactGroupId), per-item results — and that answer. The envelope is probed on the
 * answer of get_contact_group. Set-up calls are not judged: under a mutant they may look wrong, and the
 * correct run of each probe (the catalogue test) shows the scenario yields the field.
 */
import { COMMAND_METHODS as CM } from '../../../generated/command-methods.ts';
import { c2c, createGroup, deleteGroups, getPageBody, mark, PROBE_USER } from '../probe/requests.ts';
import type { Body, ProbeContext } from '../types.ts';
import { ENVELOPE } from './inventory.ts';

/** The IM group behind the probes' G2C conversation. */
const IM_GROUP = 'probe-im-group';
const g2c = { Type: 2, ToGroupId: IM_GROUP };
const BOTH = [c2c('p'), g2c];
const NAME = 'g';

async function imGroup(p: ProbeContext): Promise<void> {
  await p.call(CM.createGroup, { Type: 'Public', Name: 'probe', GroupId: IM_GROUP });
}

/** Both conversations in group NAME, each with standard bit 1 and a custom mark. */
async function richData(p: ProbeContext): Promise<void> {
  await imGroup(p);
  await p.call(CM.createContactGroup, createGroup(NAME, BOTH));
  await p.call(CM.markContact, mark(BOTH.map((ContactItem) => ({ OptType: 3, ContactItem, SetMark: [1], CustomMark: 'x' }))));
}

const get = async (p: ProbeContext): Promise<Body> => {
  await richData(p);
  return p.call(CM.getContactGroup, getPageBody());
};

/** The answer holding every field of each command (short name, or ENVELOPE). */
export const SCENARIOS: Readonly<Record<string, (p: ProbeContext) => Promise<Body>>> = {
  [ENVELOPE]: get,
  create_contact_group: async (p) => {
    await imGroup(p);
    return p.call(CM.createContactGroup, createGroup(NAME, BOTH));
  },
  del_contact_group: async (p) => {
    await p.call(CM.createContactGroup, createGroup(NAME));
    return p.call(CM.delContactGroup, deleteGroups(NAME));
  },
  get_contact_group: get,
  search_contact_group: async (p) => {
    await richData(p);
    return p.call(CM.searchContactGroup, { From_Account: PROBE_USER, ContactItem: BOTH });
  },
  mark_contact: async (p) => {
    await imGroup(p);
    return p.call(CM.markContact, mark(BOTH.map((ContactItem) => ({ OptType: 3, ContactItem, SetMark: [1], CustomMark: 'x' }))));
  },
  update_contact_group: async (p) => {
    await imGroup(p);
    await p.call(CM.createContactGroup, createGroup(NAME));
    const ContactUpdateItem = BOTH.map((ContactItem) => ({ ContactOptType: 1, ContactItem }));
    return p.call(CM.updateContactGroup, { From_Account: PROBE_USER, UpdateType: 1, UpdateGroup: { UpdateGroupType: 2, OldGroupName: NAME, ContactUpdateItem } });
  },
};
