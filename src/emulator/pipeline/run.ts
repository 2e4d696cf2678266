/**
 * The request pipeline of the Tencent-style API, in order: method, route, query + UserSig + admin,
 * faults, rate limit, body size, JSON, (variant request hook), handler. Every step answers with a Reply;
 * the only asynchronous step is an injected latency.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ErrorCodes } from '../../errors/index.ts';
import { handlers, routes } from '../handlers/index.ts';
import { makeContext } from '../handlers/context.ts';
import { fail, type Outcome, type Reply } from '../reply.ts';
import type { Runtime } from '../runtime.ts';
import { parseBody } from './body.ts';
import { decideFaults, type FaultDecision } from './faults.ts';
import { checkQuery } from './query.ts';

export interface ApiRequest {
  method: string;
  path: string;
  query: string;
  /** The body as received (empty when it was over maxBodyBytes). */
  body: Buffer;
  /** Size of the body as sent. */
  size: number;
}

export interface Answer {
  /** The served command, or undefined for an unknown route. */
  command: string | undefined;
  /** The parsed (and variant-transformed) body, when the pipeline got that far. */
  request: unknown;
  outcome: Outcome;
  /** Fault `close`: answer with `Connection: close` and close the socket after the answer. */
  close?: boolean;
}

const reply = (command: string | undefined, r: Reply, request?: unknown): Answer => ({ command, request, outcome: { kind: 'reply', reply: r } });

export function runPipeline(rt: Runtime, req: ApiRequest): Answer | Promise<Answer> {
  const command = routes.get(req.path);
  if (req.method !== 'POST') return reply(command, fail(ErrorCodes.HTTP_PARSE_ERROR, 'only POST is supported'));
  if (command === undefined) return reply(undefined, fail(ErrorCodes.RESOURCE_NOT_FOUND, `unknown service or command: ${req.path.slice(0, 200)}`));
  const rejected = checkQuery(rt, req.query);
  if (rejected) return reply(command, rejected);
  const faults = decideFaults(rt, command);
  if (faults.latencyMs > 0) return delay(faults.latencyMs).then(() => afterFaults(rt, command, req, faults));
  return afterFaults(rt, command, req, faults);
}

function afterFaults(rt: Runtime, command: string, req: ApiRequest, faults: FaultDecision): Answer {
  const answer = served(rt, command, req, faults);
  // http502-after: the handler has run (the write is applied); only its answer is lost
  if (faults.http502After && answer.outcome.kind === 'reply') answer.outcome = { kind: 'http502' };
  if (faults.close) answer.close = true;
  return answer;
}

function served(rt: Runtime, command: string, req: ApiRequest, faults: FaultDecision): Answer {
  const action = faults.action;
  if (action) {
    if (action.kind === 'error') return reply(command, fail(action.code));
    return { command, request: undefined, outcome: { kind: action.kind } };
  }
  // wall-clock epoch ms (sub-ms): a fixed window is aligned to whole seconds of the server's clock, as a counter per second is
  const throttled = rt.limiter.check(command, rt.config.throttle, performance.timeOrigin + performance.now(), rt.config.choices.limiter);
  if (throttled) {
    rt.stats.throttled++;
    return reply(command, throttled);
  }
  const body = parseBody(req.body, req.size, rt.config.limits.maxBodyBytes);
  if (!body.ok) return reply(command, body.reply);
  const hook = rt.variant?.transformRequest;
  const request = hook ? hook(command, body.value) : body.value;
  const handle = handlers[command];
  if (!handle) return reply(command, fail(ErrorCodes.RESOURCE_NOT_FOUND));
  return reply(command, handle(request, makeContext(rt, command)), request);
}
