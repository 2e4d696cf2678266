/**
 * Vegeta JSON targets (`-format=json`, one per line): POST with the signed query and a fresh random.
 * The UserSig is signed once in Node before the run; it is registered as a secret, so it is redacted
 * from anything the harness prints. The URL prefix per command is built once.
 */
import type { LoadCommand } from '../plan/commands.ts';
import type { Plan } from '../plan/plan.ts';

export interface SignedTarget {
  baseUrl: string;
  sdkappid: number;
  admin: string;
  usersig: string;
}

export class TargetWriter {
  private readonly prefix = new Map<LoadCommand, string>();

  constructor(
    readonly plan: Plan,
    target: SignedTarget,
  ) {
    const q = new URLSearchParams({ sdkappid: String(target.sdkappid), identifier: target.admin, usersig: target.usersig });
    for (const c of plan.commands()) this.prefix.set(c, `${target.baseUrl}/v4/${c}?${q.toString()}&random=`);
  }

  /** The JSON target line (with trailing newline) of operation i. */
  line(i: number): string {
    const op = this.plan.operation(i);
    const url = `${this.prefix.get(op.command)}${op.random}&contenttype=json`;
    const body = Buffer.from(JSON.stringify(this.plan.body(op)), 'utf8').toString('base64');
    return `{"method":"POST","url":${JSON.stringify(url)},"body":"${body}","header":{"Content-Type":["application/json"]}}\n`;
  }
}
