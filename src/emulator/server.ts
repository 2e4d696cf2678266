/** The HTTP server: reads the body, routes `/_emulator/*` to the control API and the rest to the pipeline. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ErrorCodes } from '../errors/index.ts';
import { redact } from '../core/redact.ts';
import { handleControl, CONTROL_PREFIX, MAX_CONTROL_BODY } from './control-http.ts';
import type { EmulatorControl } from './control.ts';
import { routes } from './handlers/index.ts';
import { runPipeline, type Answer } from './pipeline/run.ts';
import { fail, renderReply } from './reply.ts';
import type { Runtime } from './runtime.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const BAD_GATEWAY = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
const EMPTY = Buffer.alloc(0);

function readBody(req: IncomingMessage, max: number, done: (body: Buffer, size: number) => void): void {
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > max) {
      first = undefined;
      chunks = undefined;
    } else if (!first) first = c;
    else (chunks ??= [first]).push(c);
  });
  req.on('end', () => done(chunks ? Buffer.concat(chunks) : (first ?? EMPTY), size));
  req.on('error', () => undefined);
}

function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  // `connection: close` makes Node end the socket once the answer is written (fault `close`)
  res.writeHead(status, close ? { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text), connection: 'close' } : { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function internalError(rt: Runtime, res: ServerResponse, command: string | undefined, e: unknown): void {
  const err = e as Error;
  rt.log(redact(`tcim emulator: internal error in ${command ?? 'request'}: ${err?.name ?? 'Error'}: ${String(err?.message ?? e).slice(0, 500)}`));
  rt.stats.record(command ?? '(unknown)', ErrorCodes.INTERNAL_ERROR);
  if (!res.headersSent) sendJson(res, 200, renderReply(command, fail(ErrorCodes.INTERNAL_ERROR), rt.quirks, rt.config.choices));
  else res.destroy();
}

function send(rt: Runtime, req: IncomingMessage, res: ServerResponse, a: Answer): void {
  const key = a.command ?? '(unknown)';
  const o = a.outcome;
  if (o.kind === 'http502') {
    rt.stats.record(key, undefined);
    res.writeHead(502, a.close ? { 'content-type': 'text/html', connection: 'close' } : { 'content-type': 'text/html' });
    res.end(BAD_GATEWAY);
    return;
  }
  if (o.kind === 'reset') {
    rt.stats.record(key, undefined);
    req.socket.destroy();
    return;
  }
  let body: Record<string, unknown> = renderReply(a.command, o.reply, rt.quirks, rt.config.choices);
  const hook = rt.variant?.transformResponse;
  if (hook && a.command !== undefined) body = hook(a.command, a.request, body);
  rt.stats.record(key, typeof body?.ErrorCode === 'number' ? body.ErrorCode : o.reply.code);
  sendJson(res, 200, body, a.close);
}

function api(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: string, body: Buffer, size: number): void {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  rt.stats.arrivals.record(routes.get(path) ?? '(unknown)');
  let answer: Answer | Promise<Answer>;
  try {
    answer = runPipeline(rt, { method: req.method ?? 'GET', path, query, body, size });
  } catch (e) {
    internalError(rt, res, routes.get(path), e);
    return;
  }
  const finish = (a: Answer): void => {
    try {
      send(rt, req, res, a);
    } catch (e) {
      internalError(rt, res, a.command, e);
    }
  };
  if (answer instanceof Promise) answer.then(finish, (e: unknown) => internalError(rt, res, routes.get(path), e));
  else finish(answer);
}

export function createEmulatorServer(rt: Runtime, control: EmulatorControl): Server {
  const server = createServer((req, res) => {
    rt.stats.inFlight++;
    res.once('close', () => rt.stats.inFlight--);
    const url = req.url ?? '/';
    const isControl = url.startsWith(CONTROL_PREFIX);
    readBody(req, isControl ? MAX_CONTROL_BODY : rt.config.limits.maxBodyBytes, (body, size) => {
      if (!isControl) return api(rt, req, res, url, body, size);
      try {
        const r = handleControl(control, req.method ?? 'GET', url, body, size);
        sendJson(res, r.status, r.body);
      } catch (e) {
        sendJson(res, 500, { error: `internal error: ${redact(String((e as Error)?.message ?? e))}` });
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
