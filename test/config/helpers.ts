/** Shared by the config tests: the CLI in a child process, in a given working directory, with a clean TCIM_* environment. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(root, 'bin/tcim-harness.js');

export function cli(args: string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<{ code: number | null; out: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCIM_') && k !== 'CI'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: opts.cwd, env: { ...clean, ...opts.env }, timeout: opts.timeoutMs ?? 60_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out }));
  });
}
