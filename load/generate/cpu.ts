/**
 * CPU time of processes, from /proc (Linux). The attack's CPU is measured as the growth of this
 * process's "children" times (cutime + cstime) across its lifetime — the kernel adds a child's
 * CPU there when it is reaped, so nothing is lost at exit. Other platforms report null.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** utime + stime of a live process, seconds. */
export function processCpuSeconds(pid: number): number | null {
  const f = statFields(pid);
  if (!f) return null;
  return (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND;
}

/** cutime + cstime of this process (reaped children), seconds. */
export function reapedChildrenCpuSeconds(): number | null {
  const f = statFields('self');
  if (!f) return null;
  return (Number(f[13]) + Number(f[14])) / TICKS_PER_SECOND;
}

export interface CpuUse {
  cpuSeconds: number;
  /** Percent of one core over the wall time. */
  cpuPercent: number;
}

export function cpuUse(seconds: number | null, wallSeconds: number): CpuUse | null {
  if (seconds === null || !(wallSeconds > 0)) return null;
  return { cpuSeconds: Math.round(seconds * 100) / 100, cpuPercent: Math.round((seconds / wallSeconds) * 1000) / 10 };
}
