/** Durations for the CLI: `500ms`, `10s`, `5m`, `1h`, or a bare number of seconds. */
import { LoadConfigError } from './commands.ts';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(value: string, what = '--duration'): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!m) throw new LoadConfigError(`${what}="${value}" is not a duration: use e.g. 500ms, 30s, 5m or 1h`);
  const ms = Math.round(Number(m[1]) * (UNITS[m[2] ?? 's'] ?? 1000));
  if (!(ms > 0)) throw new LoadConfigError(`${what}="${value}" must be longer than zero`);
  return ms;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${+(ms / 1000).toFixed(3)}s`;
}

/** Vegeta's -duration flag value (Go duration syntax). */
export const goDuration = (ms: number): string => `${Math.round(ms)}ms`;
