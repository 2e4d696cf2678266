/** Request shapes the handlers read after the request passed its schema (see schemas/commands/**). */

export interface ContactItemReq {
  Type: 1 | 2;
  To_Account?: string;
  ToGroupId?: string;
}

export interface CreateContactGroupReq {
  From_Account: string;
  GroupContactItem: { GroupName: string; ContactItem: ContactItemReq[] }[];
}

export interface UpdateContactGroupReq {
  From_Account: string;
  UpdateType: 1;
  UpdateGroup: {
    UpdateGroupType: 1 | 2;
    OldGroupName: string;
    NewGroupName?: string;
    ContactUpdateItem?: { ContactOptType: 1 | 2; ContactItem: ContactItemReq }[];
  };
}

export interface DelContactGroupReq {
  From_Account: string;
  GroupName: string[];
}

export interface SearchContactGroupReq {
  From_Account: string;
  ContactItem: ContactItemReq[];
}

export interface MarkItemReq {
  OptType: 1 | 2 | 3;
  ContactItem: ContactItemReq;
  ClearMark?: number[];
  SetMark?: number[];
  CustomMark?: string;
}

export interface MarkContactReq {
  From_Account: string;
  MarkItem: MarkItemReq[];
}

export interface GetContactGroupReq {
  From_Account: string;
  StartIndex: number;
}

export interface GetListReq {
  From_Account: string;
  TimeStamp: number;
  StartIndex: number;
  TopTimeStamp: number;
  TopStartIndex: number;
  AssistFlags: number;
}

export interface DeleteReq {
  From_Account: string;
  Type: 1 | 2;
  To_Account?: string;
  ToGroupid?: string;
  ClearRamble?: 0 | 1;
}

export interface AccountImportReq {
  UserID?: string;
  Identifier?: string;
  Nick?: string;
  FaceUrl?: string;
}

export interface AccountDeleteReq {
  DeleteItem: { UserID: string }[];
}

export interface MultiaccountImportReq {
  Accounts?: string[];
  AccountList?: { UserID: string; Nick?: string; FaceUrl?: string }[];
}

export interface CreateGroupReq {
  Owner_Account?: string;
  Type: string;
  Name: string;
  GroupId?: string;
}

export interface DestroyGroupReq {
  GroupId: string;
}
