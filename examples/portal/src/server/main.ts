/**
 * `node dist/server.js [--db path] [--port n] [--host h] [--param name=value …]`: the portal on an embedded SQLite
 * file. Environment: PORTAL_DB, PORT, HOST, PORTAL_PARAMS (a JSON object of parameters); flags win. PORT=0 picks
 * a free port (the tests use it). `--param` overrides a rule pack parameter for every rating the portal makes,
 * e.g. `--param reading.noLevelIsKHTNV=false` (a subject who reaches no level is for the competent level to decide).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFonts } from '@kiemdiem/reports';
import { rateManySync } from '@kiemdiem/rules';
import type { PortalSettings } from '../shared/api';
import { createApp } from './app';
import { DraftStore } from './store';

const HERE = dirname(fileURLToPath(import.meta.url)); // examples/portal/dist

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, param: { type: 'string', multiple: true } },
  strict: true,
});
const dbPath = resolve(values.db ?? process.env.PORTAL_DB ?? join(HERE, '..', 'data', 'portal.sqlite'));
const port = Number(values.port ?? process.env.PORT ?? 3000);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Cổng không hợp lệ / invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

/** `name=value`: the value as JSON when it reads as JSON (false, 0.25, "x"), else as the text it is. */
function parameter(arg: string): [string, unknown] {
  const at = arg.indexOf('=');
  if (at < 1) {
    console.error(`Tham số phải có dạng tên=giá trị / a parameter is name=value: ${arg}`);
    process.exit(2);
  }
  const text = arg.slice(at + 1);
  try {
    return [arg.slice(0, at), JSON.parse(text)];
  } catch {
    return [arg.slice(0, at), text];
  }
}

function parametersFromEnv(text: string | undefined): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // reported below with the other shapes that are not an object
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    console.error('PORTAL_PARAMS phải là một đối tượng JSON / must be a JSON object');
    process.exit(2);
  }
  return parsed as Record<string, unknown>;
}

const fromEnv = parametersFromEnv(process.env.PORTAL_PARAMS);
const settings: PortalSettings = { parameters: { ...fromEnv, ...Object.fromEntries((values.param ?? []).map(parameter)) } };
try {
  // An empty rating checks the names and values against the packs now, rather than on the first draft.
  rateManySync([], { lang: 'vi', parameters: settings.parameters });
} catch (error) {
  console.error(`Tham số không hợp lệ / invalid parameter: ${(error as Error).message}`);
  process.exit(2);
}

const publicDir = join(HERE, 'public');
if (!existsSync(join(publicDir, 'index.html'))) {
  console.error(`Chưa có bản dựng giao diện / the browser app is not built: ${publicDir}. Run \`pnpm --filter @kiemdiem/example-portal build\`.`);
  process.exit(2);
}

const store = new DraftStore(dbPath);
const server = createApp({ store, publicDir, fonts: loadFonts(), settings }).listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`Cổng kiểm điểm (ví dụ) đang chạy / portal listening: http://${shown}:${actual}/`);
  console.log(`Bản nháp lưu tại / drafts stored in: ${dbPath}`);
  for (const [name, value] of Object.entries(settings.parameters)) console.log(`Tham số / parameter: ${name} = ${JSON.stringify(value)}`);
});
server.on('error', (error) => {
  console.error(`Không mở được cổng / cannot listen on ${host}:${port}: ${error.message}`);
  store.close();
  process.exit(1);
});

// Close the database cleanly on Ctrl-C or a stop signal; every saved draft is already on disk.
let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    store.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
