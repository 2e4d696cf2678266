/** Everything one app (SDKAppID) holds: accounts, IM groups, per-user conversation-group data. */
import { mulberry32, type Prng } from '../prng.ts';
import type { RenderChoices } from './conversation.ts';
import { UserData } from './user.ts';

export interface Account {
  UserID: string;
  Nick?: string;
  FaceUrl?: string;
}

export interface ImGroup {
  GroupId: string;
  Type: string;
  Name: string;
  Owner_Account?: string;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const GENERATED_GROUP_PREFIX = '@TGS#';

export class AppState {
  readonly accounts = new Map<string, Account>();
  readonly imGroups = new Map<string, ImGroup>();
  readonly users = new Map<string, UserData>();
  private idRandom: Prng;

  /** `firstGroupId`: the GroupId of a user's first group (choice firstGroupId), read when the user's data is created. */
  constructor(
    readonly sdkappid: number,
    seed: number,
    private readonly firstGroupId: () => number,
  ) {
    this.idRandom = mulberry32(seed ^ 0x5eed);
  }

  /** Idempotent; a re-import updates Nick/FaceUrl. */
  importAccount(userId: string, nick?: string, faceUrl?: string): void {
    const prev = this.accounts.get(userId);
    const a: Account = { UserID: userId };
    const n = nick ?? prev?.Nick;
    const f = faceUrl ?? prev?.FaceUrl;
    if (n !== undefined) a.Nick = n;
    if (f !== undefined) a.FaceUrl = f;
    this.accounts.set(userId, a);
  }

  /** Removes the account and all its per-user data (groups, conversations, recent contacts); false when it did not exist. */
  deleteAccount(userId: string): boolean {
    this.users.delete(userId);
    return this.accounts.delete(userId);
  }

  hasAccount(userId: string): boolean {
    return this.accounts.has(userId);
  }

  /** The user's data (created on first use); callers check hasAccount first. */
  user(userId: string): UserData {
    let u = this.users.get(userId);
    if (!u) {
      u = new UserData(userId, this.firstGroupId());
      this.users.set(userId, u);
    }
    return u;
  }

  /** A fresh `@TGS#` id, e.g. `@TGS#2J4SZEAEL`. */
  generateGroupId(): string {
    for (;;) {
      let s = GENERATED_GROUP_PREFIX + String(1 + Math.floor(this.idRandom() * 3));
      for (let i = 0; i < 8; i++) s += ID_ALPHABET[Math.floor(this.idRandom() * ID_ALPHABET.length)];
      if (!this.imGroups.has(s)) return s;
    }
  }

  createImGroup(g: ImGroup): void {
    this.imGroups.set(g.GroupId, g);
  }

  destroyImGroup(groupId: string): boolean {
    return this.imGroups.delete(groupId);
  }

  snapshot(now: number, choices: RenderChoices): Record<string, unknown> {
    const users: Record<string, unknown> = {};
    for (const [id, u] of this.users) users[id] = u.snapshot(choices);
    return {
      sdkappid: this.sdkappid,
      now,
      accounts: [...this.accounts.values()],
      imGroups: [...this.imGroups.values()],
      users,
    };
  }
}
