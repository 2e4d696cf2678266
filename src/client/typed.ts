/**
 * Typed methods per command, from the generated types: `typed(client).markContact(body)` checks the
 * body against MarkContactRequest at compile time and returns a CallResult<MarkContactResponse>.
 */
import { COMMAND_METHODS, type CommandMethod } from '../generated/command-methods.ts';
import type { RequestOf, ResponseOf } from '../generated/types.ts';
import type { CallOptions, CallResult, ImClient } from './client.ts';

export type TypedClient = {
  [M in CommandMethod]: (body: RequestOf<(typeof COMMAND_METHODS)[M]>, opts?: CallOptions) => Promise<CallResult<ResponseOf<(typeof COMMAND_METHODS)[M]>>>;
};

export function typed(client: ImClient): TypedClient {
  const methods = {} as Record<string, (body: unknown, opts?: CallOptions) => Promise<CallResult<unknown>>>;
  for (const [method, command] of Object.entries(COMMAND_METHODS)) {
    methods[method] = (body, opts) => client.call(command, body, opts);
  }
  return methods as unknown as TypedClient;
}
