/**
 * Inline emulator variants for the harness tests, loaded through TCIM_EMULATOR_VARIANT_MODULE
 * (the built-in ones live in src/emulator/variants/). Each breaks one contract narrowly, so exactly
 * the tests that own that contract must fail.
 */
import { ErrorCodes } from '../../src/errors/index.ts';
import type { EmulatorVariant } from '../../src/emulator/index.ts';

export const variants: EmulatorVariant[] = [
  {
    name: 'del-group-item-missing',
    description: 'del_contact_group succeeds without the required GroupItem field',
    transformResponse(command, _request, response) {
      if (command !== 'recentcontact/del_contact_group' || response?.ErrorCode !== ErrorCodes.OK) return response;
      const { GroupItem: _g, ...rest } = response as Record<string, unknown>;
      return rest;
    },
  },
  {
    name: 'next-start-index-dropped-mid-paging',
    description: 'get_contact_group leaves out NextStartIndex exactly when more pages follow (CompleteFlag 0)',
    transformResponse(command, _request, response) {
      if (command !== 'recentcontact/get_contact_group' || response?.CompleteFlag !== 0) return response;
      const { NextStartIndex: _n, ...rest } = response as Record<string, unknown>;
      return rest;
    },
  },
];
