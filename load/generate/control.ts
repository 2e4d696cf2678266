/** The emulator's control API (`/_emulator/…`), used only for the embedded emulator. */

export interface EmulatorStats {
  total: number;
  byCommand: Record<string, { calls: number; byCode: Record<string, number> }>;
  eventLoopLagMs?: { mean: number; p99: number; max: number } | null;
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`emulator control ${method} /_emulator/${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

export const emulatorStats = (base: string): Promise<EmulatorStats> => call(base, 'GET', 'stats') as Promise<EmulatorStats>;
export const patchEmulatorConfig = (base: string, patch: unknown): Promise<unknown> => call(base, 'PATCH', 'config', patch);
export const resetEmulator = (base: string): Promise<unknown> => call(base, 'POST', 'reset', {});
