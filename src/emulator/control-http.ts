/** The HTTP control API under `/_emulator/` (JSON in and out; 200, 400 for bad input, 404/405 otherwise). */
import { ControlInputError } from './config.ts';
import type { EmulatorControl } from './control.ts';

export const CONTROL_PREFIX = '/_emulator';
export const MAX_CONTROL_BODY = 1024 * 1024;

export interface ControlResponse {
  status: number;
  body: unknown;
}

type Op = (c: EmulatorControl, body: unknown) => unknown;

const ROUTES: Record<string, Partial<Record<string, Op>>> = {
  health: { GET: (c) => c.health() },
  reset: { POST: (c, b) => c.reset(b ?? {}) },
  state: { GET: (c) => c.state() },
  config: { GET: (c) => c.config(), PATCH: (c, b) => c.patchConfig(b) },
  clock: { POST: (c, b) => c.clock(b) },
  faults: { GET: (c) => c.config().faults, POST: (c, b) => c.addFaults(b), DELETE: (c) => c.clearFaults() },
  stats: { GET: (c) => c.stats() },
  arrivals: { GET: (c) => c.arrivals(), POST: (c, b) => c.arrivals(b ?? {}) },
};

/** undefined for an empty body; throws ControlInputError for a body that is not JSON. */
function parse(body: Buffer, size: number): unknown {
  if (size > MAX_CONTROL_BODY) throw new ControlInputError(`control body larger than ${MAX_CONTROL_BODY} bytes`);
  if (size === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ControlInputError('control body is not valid JSON');
  }
}

export function handleControl(control: EmulatorControl, method: string, url: string, body: Buffer, size: number): ControlResponse {
  const path = url.split('?')[0] ?? '';
  const name = path.slice(CONTROL_PREFIX.length).replace(/^\/+|\/+$/g, '');
  const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) return { status: 404, body: { error: `no control endpoint ${path}; known: ${Object.keys(ROUTES).map((r) => `${CONTROL_PREFIX}/${r}`).join(', ')}` } };
  const op = route[method];
  if (!op) return { status: 405, body: { error: `${method} is not supported on ${path}; use ${Object.keys(route).join(' or ')}` } };
  try {
    return { status: 200, body: op(control, parse(body, size)) ?? { ok: true } };
  } catch (e) {
    if (e instanceof ControlInputError) return { status: 400, body: { error: e.message } };
    throw e;
  }
}
