/** A child process with a bounded stderr tail and an exit promise (code; 128 + n for a signal). */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { redact } from '../src/client/index.ts';

export interface Proc {
  child: ChildProcess;
  exited: Promise<number>;
  /** Last lines of stderr, redacted. */
  stderrTail(): string;
}

export function startProc(bin: string, args: string[], stdio: StdioOptions): Proc {
  const child = spawn(bin, args, { stdio });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  return { child, exited, stderrTail: () => redact(stderr.trim().split('\n').slice(-5).join('\n')) };
}
