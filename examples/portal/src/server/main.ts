/**
 * `node dist/server.js [--db path] [--port n] [--host h]`: the portal on an embedded SQLite file.
 * Environment: PORTAL_DB, PORT, HOST (flags win). PORT=0 picks a free port (the tests use it).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFonts } from '@kiemdiem/reports';
import { createApp } from './app';
import { DraftStore } from './store';

const HERE = dirname(fileURLToPath(import.meta.url)); // examples/portal/dist

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  strict: true,
});
const dbPath = resolve(values.db ?? process.env.PORTAL_DB ?? join(HERE, '..', 'data', 'portal.sqlite'));
const port = Number(values.port ?? process.env.PORT ?? 3000);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Cổng không hợp lệ / invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
const publicDir = join(HERE, 'public');
if (!existsSync(join(publicDir, 'index.html'))) {
  console.error(`Chưa có bản dựng giao diện / the browser app is not built: ${publicDir}. Run \`pnpm --filter @kiemdiem/example-portal build\`.`);
  process.exit(2);
}

const store = new DraftStore(dbPath);
const server = createApp({ store, publicDir, fonts: loadFonts() }).listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`Cổng kiểm điểm (ví dụ) đang chạy / portal listening: http://${shown}:${actual}/`);
  console.log(`Bản nháp lưu tại / drafts stored in: ${dbPath}`);
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
