/** Query-string checks in the order the emulator applies them: app, random/contenttype, then the UserSig. */
import { ErrorCodes } from '../../errors/index.ts';
import { fail, type Reply } from '../reply.ts';
import type { Runtime } from '../runtime.ts';
import { checkUserSig } from './auth.ts';

const DIGITS = /^[0-9]{1,10}$/;
const MAX_U32 = 4294967295;

export function checkQuery(rt: Runtime, query: string): Reply | undefined {
  const q = new URLSearchParams(query);
  const sdkappid = q.get('sdkappid');
  if (sdkappid === null || sdkappid === '') return fail(ErrorCodes.SDKAPPID_MISSING);
  if (!DIGITS.test(sdkappid) || Number(sdkappid) !== rt.identity.sdkappid) {
    return fail(ErrorCodes.INVALID_SDKAPPID, 'invalid sdkappid: not an app of this service');
  }
  if (rt.config.disabled) return fail(ErrorCodes.SDKAPPID_DISABLED);
  const random = q.get('random');
  if (random === null || !DIGITS.test(random) || Number(random) > MAX_U32) {
    return fail(ErrorCodes.HTTP_PARSE_ERROR, 'random must be an unsigned 32-bit integer (0..4294967295)');
  }
  if (q.get('contenttype') !== 'json') return fail(ErrorCodes.HTTP_PARSE_ERROR, 'contenttype must be json');
  return checkUserSig(rt, q.get('usersig') ?? '', q.get('identifier') ?? '');
}
