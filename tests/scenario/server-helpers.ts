/** The built @kiemdiem/server on a free port (port 0), as a portal reaches it: over HTTP. */
import { listen, type ListenOptions, type Listening } from '@kiemdiem/server';

export async function startServer(options: ListenOptions = {}): Promise<Listening> {
  return listen({ port: 0, logger: false, signals: [], ...options });
}

export async function post(base: string, path: string, body: string | Uint8Array, type = 'application/json', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
}

/** A problem document: its content type, and the parsed body. */
export async function problemOf(response: Response): Promise<Record<string, unknown>> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`not a problem document: ${type} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}
