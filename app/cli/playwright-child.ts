/**
 * The `contracts` command's Playwright child under SIGINT/SIGTERM: the signal is forwarded so Playwright
 * stops gracefully (bounded), and since an interrupted Playwright skips its teardown project, the
 * command then removes what the run's ownership ledger names, in its own process.
 */
import { spawn } from 'node:child_process';
import { loadTargetConfig } from '../../src/client/config.ts';
import { cleanRunFromLedger } from '../clean/index.ts';
import { onInterrupt } from './interrupt.ts';

/** Bounds Playwright's graceful stop after a forwarded signal; then it is killed (the ledger still names everything). */
const STOP_GRACE_MS = 60_000;

/**
 * Runs Playwright. A SIGINT/SIGTERM is forwarded as SIGINT, Playwright's graceful stop (a second SIGINT
 * within its 1 s window — the terminal's own Ctrl-C — is ignored by it, so forwarding never doubles).
 */
export function runPlaywright(args: string[], env: NodeJS.ProcessEnv, runId: string, settings: { kind: string; ledgerDir: string }): Promise<number> {
  return new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
    let killTimer: NodeJS.Timeout | undefined;
    const leave = onInterrupt({
      name: 'contracts',
      stop: () => {
        child.kill('SIGINT');
        killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      },
      leftover: () => (settings.kind === 'staging' ? `the accounts and IM groups of run ${runId} (ledger ${settings.ledgerDir})` : ''),
    });
    const finish = (c: number): void => {
      clearTimeout(killTimer);
      leave();
      done(c);
    };
    child.on('error', () => finish(-1));
    child.on('exit', (c, signal) => finish(signal ? -1 : (c ?? -1)));
  });
}

/** After a signal: the run's clean-up from its ledger, in this process, unless the teardown project completed it. */
export async function cleanAfterInterrupt(env: NodeJS.ProcessEnv, runId: string, settings: { kind: string; ledgerDir: string }, exit: number): Promise<number> {
  const log = (line: string): void => console.error(`tcim-harness contracts: ${line}`);
  if (settings.kind !== 'staging') {
    log(`teardown: the embedded emulator stopped with the run; nothing of run ${runId} is left. Exit ${exit} (interrupted).`);
    return exit;
  }
  const leave = onInterrupt({ name: 'contracts teardown', stop: () => undefined, leftover: () => `the accounts and IM groups of run ${runId} (ledger ${settings.ledgerDir})` });
  try {
    const clean = await cleanRunFromLedger(loadTargetConfig(env), settings.ledgerDir, runId, log);
    log(clean ? `teardown: nothing of run ${runId} is left. Exit ${exit} (interrupted).` : `teardown: something is left; \`tcim-harness clean --run-id ${runId}\` removes it. Exit ${exit} (interrupted).`);
  } finally {
    leave();
  }
  return exit;
}
