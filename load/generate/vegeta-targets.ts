/**
 * Vegeta JSON targets (`-format=json`, one per line): POST with the signed query and a fresh random.
 * The UserSig is signed once in Node before the run; it is registered as a secret, so it is redacted
 * from anything the harness prints. The URL prefix per command is built once.
 */
import type { LoadCommand } from '../plan/commands.ts';
import type { AttackPlan } from '../plan/plan.ts';
import { FILLER_PATH } from '../plan/scenario/plan.ts';

export interface SignedTarget {
  baseUrl: string;
  sdkappid: number;
  admin: string;
  usersig: string;
}

export class TargetWriter {
  private readonly prefix = new Map<LoadCommand, string>();

  private readonly filler: string;

  constructor(
    readonly plan: AttackPlan,
    target: SignedTarget,
    /** Base URL of the loopback sink that takes a scenario's filler hits (generate/sink.ts). */
    sinkUrl?: string,
  ) {
    this.filler = sinkUrl ? `{"method":"GET","url":"${sinkUrl}${FILLER_PATH}?slot=` : '';
    const q = new URLSearchParams({ sdkappid: String(target.sdkappid), identifier: target.admin, usersig: target.usersig });
    for (const c of plan.commands()) this.prefix.set(c, `${target.baseUrl}/v4/${c}?${q.toString()}&random=`);
  }

  /** The JSON target line (with trailing newline) of operation i. */
  line(i: number): string {
    const op = this.plan.operation(i);
    if (!op) {
      if (!this.filler) throw new RangeError(`operation ${i} is a filler slot, but the attack has no sink for filler hits`);
      return `${this.filler}${i}"}\n`;
    }
    const url = `${this.prefix.get(op.command)}${op.random}&contenttype=json`;
    const body = Buffer.from(JSON.stringify(this.plan.body(op)), 'utf8').toString('base64');
    return `{"method":"POST","url":${JSON.stringify(url)},"body":"${body}","header":{"Content-Type":["application/json"]}}\n`;
  }
}
