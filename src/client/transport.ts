/** How the client talks HTTP. Default: Node's fetch. Playwright's APIRequestContext plugs in the same way. */
export interface TransportResponse {
  status: number;
  text: string;
  /** The HTTP Date header, when the target sends one (used to estimate clock skew). */
  date?: string;
}

export type Transport = (url: string, body: string, timeoutMs: number) => Promise<TransportResponse>;

/**
 * HTTP statuses of a gateway in front of the target that failed or timed out: transient, retried by the
 * client and counted apart by the suites. API errors never use them (they answer HTTP 200).
 */
export const RETRYABLE_HTTP_STATUS: ReadonlySet<number> = new Set([502, 503, 504]);

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout' | 'reset' | 'other',
  ) {
    super(message);
  }
}

export function classifyNetworkError(e: unknown): TransportError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? '';
  const detail = err.cause?.message ?? err.message ?? String(e);
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || /timeout/i.test(detail)) return new TransportError(`request timed out (${detail})`, 'timeout');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /socket hang up|reset/i.test(detail)) return new TransportError(`connection reset (${code || detail})`, 'reset');
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') return new TransportError(`target unreachable (${code})`, 'unreachable');
  return new TransportError(`network error (${code || detail})`, 'other');
}

export const fetchTransport: Transport = async (url, body, timeoutMs) => {
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, text: await res.text(), date: res.headers.get('date') ?? undefined };
  } catch (e) {
    throw classifyNetworkError(e);
  }
};
