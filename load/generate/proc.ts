/** A child process with a bounded stderr tail and an exit promise (code; 128 + n for a signal). */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { redact } from '../../src/client/index.ts';

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
    const done = (code: number | null, signal: NodeJS.Signals | null): void => resolve(code ?? (signal ? 128 : 1));
    child.once('error', reject);
    child.once('close', done);
    // 'close' waits for stdio to close; if something holds it open after the exit, give up waiting (bounded)
    child.once('exit', (code, signal) => setTimeout(() => done(code, signal), 5000).unref());
  });
  return { child, exited, stderrTail: () => redact(stderr.trim().split('\n').slice(-5).join('\n')) };
}
