/**
 * SIGINT / SIGTERM during `run`, `contracts` or `load`: the first signal stops new calls (each active
 * scope's `stop`), lets the teardown run and makes the command exit 130 (SIGINT) or 143 (SIGTERM); a
 * second signal during the teardown exits at once, saying what may be left and that `tcim-harness
 * clean` removes it. One process-wide watcher: `run` and the step it is in share the same signal.
 */

export const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };
type Sig = keyof typeof SIGNAL_EXIT;

export interface InterruptScope {
  /** Who is stopping, for the messages (`contracts`, `load`, `run`). */
  name: string;
  /** Stops new calls (abort the attack, forward the signal to Playwright, …). */
  stop(signal: Sig): void;
  /** What may be left when the teardown is cut short (names the run id). */
  leftover(): string;
}

const scopes: InterruptScope[] = [];
let received: Sig | undefined;

function onSignal(signal: Sig): void {
  if (received) {
    const left = scopes.map((s) => s.leftover()).filter(Boolean);
    process.stderr.write(
      `\ntcim-harness: second ${signal}: aborting the teardown at once. May be left on the target: ${left.join('; ') || 'run data of this run'}. \`tcim-harness clean\` removes it.\n`,
    );
    process.exit(SIGNAL_EXIT[received]);
  }
  received = signal;
  process.stderr.write(`\ntcim-harness ${scopes.map((s) => s.name).join(' › ') || ''}: ${signal} received — no new calls; tearing down the run's data (send it again to abort at once)\n`);
  for (const s of [...scopes]) s.stop(signal);
}

const handlers: Record<Sig, () => void> = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };

/** Enters a scope; the returned function leaves it (and drops the process handlers with the last scope). */
export function onInterrupt(scope: InterruptScope): () => void {
  if (scopes.length === 0) for (const sig of Object.keys(handlers) as Sig[]) process.on(sig, handlers[sig]);
  scopes.push(scope);
  return () => {
    const i = scopes.indexOf(scope);
    if (i >= 0) scopes.splice(i, 1);
    if (scopes.length === 0) for (const sig of Object.keys(handlers) as Sig[]) process.off(sig, handlers[sig]);
  };
}

/** The signal received so far, if any. */
export const interruptedBy = (): Sig | undefined => received;

/** The exit code of an interrupted command (130/143), or undefined when no signal came. */
export const interruptExit = (): number | undefined => (received ? SIGNAL_EXIT[received] : undefined);
