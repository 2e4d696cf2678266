/** Short names of every command, for suites and tests (`CMD.create`, `CMD.mark`, …). */
export const CMD = {
  create: 'recentcontact/create_contact_group',
  update: 'recentcontact/update_contact_group',
  del: 'recentcontact/del_contact_group',
  search: 'recentcontact/search_contact_group',
  mark: 'recentcontact/mark_contact',
  get: 'recentcontact/get_contact_group',
  getList: 'recentcontact/get_list',
  delete: 'recentcontact/delete',
  accountImport: 'im_open_login_svc/account_import',
  multiImport: 'im_open_login_svc/multiaccount_import',
  accountDelete: 'im_open_login_svc/account_delete',
  createGroup: 'group_open_http_svc/create_group',
  destroyGroup: 'group_open_http_svc/destroy_group',
} as const;
