/**
 * The loopback sink of a scenario's filler hits. vegeta paces one constant rate; a scenario whose
 * seconds differ (stages, ramps, journeys starting up) sends, in each second, its planned calls to the
 * target and the rest of vegeta's slots here: 127.0.0.1 only, answered 204 at once, never the target.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sink {
  url: string;
  /** Hits the sink answered. */
  readonly hits: number;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    req.resume();
    req.once('end', () => res.writeHead(204).end());
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
