/**
 * Starting and stopping: listen on host:port, log where, and on SIGTERM/SIGINT stop accepting, let the
 * requests in flight finish, stop the PDF workers, then resolve.
 */
import { createServer, type KiemdiemServer, type ServerOptions } from './app';

export interface ListenOptions extends ServerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Stop on these signals (default SIGTERM and SIGINT); [] leaves signals to the caller. */
  signals?: NodeJS.Signals[];
}

export interface Listening extends KiemdiemServer {
  /** http://host:port as bound (the real port when 0 was asked). */
  url: string;
  /** Resolves once the server has stopped (by close() or a signal). */
  closed: Promise<void>;
}

export async function listen(options: ListenOptions = {}): Promise<Listening> {
  const server = await createServer(options);
  const host = options.host ?? '127.0.0.1';
  await server.app.listen({ port: options.port ?? 8080, host });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= server.close().then(resolveClosed));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const onSignal = (signal: NodeJS.Signals) => {
    server.app.log.info({ signal }, 'shutting down');
    void close();
  };
  for (const s of signals) process.once(s, onSignal);
  void closed.then(() => signals.forEach((s) => process.off(s, onSignal)));
  return { ...server, url, closed, close };
}
