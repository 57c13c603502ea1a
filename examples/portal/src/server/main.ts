/**
 * `node dist/server.js [--db path] [--port n] [--host h] [--param name=value …] [--users path] [--audit path]
 * [--allowed-host host:port …] [--secure-cookie]`: the portal on an embedded SQLite file. Environment: PORTAL_DB,
 * PORT, HOST, PORTAL_PARAMS (a JSON object of parameters), PORTAL_USERS, PORTAL_AUDIT, PORTAL_ALLOWED_HOSTS
 * (comma-separated); flags win. PORT=0 picks a free port (the tests use it). `--param` overrides a rule pack
 * parameter for every rating the portal makes, e.g. `--param reading.noLevelIsKHTNV=false` (a subject who reaches
 * no level is for the competent level to decide).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFonts } from '@kiemdiem/reports';
import { rateManySync } from '@kiemdiem/rules';
import type { PortalSettings } from '../shared/api';
import { createApp } from './app';
import { fileAuditLog } from './audit';
import { Sessions } from './auth';
import { StoreLockedError } from './owner-lock';
import { DraftStore } from './store';
import { seedDemoUsers, UserStore } from './users';

const HERE = dirname(fileURLToPath(import.meta.url)); // examples/portal/dist

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    param: { type: 'string', multiple: true },
    users: { type: 'string' },
    audit: { type: 'string' },
    'allowed-host': { type: 'string', multiple: true },
    'secure-cookie': { type: 'boolean' },
  },
  strict: true,
});
const dbPath = resolve(values.db ?? process.env.PORTAL_DB ?? join(HERE, '..', 'data', 'portal.sqlite'));
const port = Number(values.port ?? process.env.PORT ?? 3000);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const usersPath = resolve(values.users ?? process.env.PORTAL_USERS ?? join(dirname(dbPath), 'users.json'));
const auditPath = resolve(values.audit ?? process.env.PORTAL_AUDIT ?? join(dirname(dbPath), 'audit.jsonl'));
const extraHosts = [...(values['allowed-host'] ?? []), ...(process.env.PORTAL_ALLOWED_HOSTS ?? '').split(',')].map((h) => h.trim().toLowerCase()).filter(Boolean);
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

let store: DraftStore;
try {
  store = new DraftStore(dbPath);
} catch (error) {
  console.error(`${error instanceof StoreLockedError ? 'Tệp dữ liệu đang được một cổng khác dùng / database in use' : 'Không mở được cơ sở dữ liệu / cannot open the database'}: ${(error as Error).message}`);
  process.exit(1);
}

// Local accounts: created with one demo account per role on the first run, their passwords printed once.
for (const demo of seedDemoUsers(usersPath)) {
  console.log(`Tài khoản ví dụ / demo account (${demo.role}): ${demo.username} / ${demo.password}`);
}
let users: UserStore;
try {
  users = UserStore.load(usersPath);
} catch (error) {
  console.error(`Tệp tài khoản không hợp lệ / invalid users file: ${(error as Error).message}`);
  store.close();
  process.exit(2);
}
const audit = fileAuditLog(auditPath);
const allowedHosts = new Set<string>(extraHosts);
const app = createApp({ store, publicDir, fonts: loadFonts(), settings, allowedHosts, sessions: new Sessions(users, values['secure-cookie'] ?? false), audit });

// Slow clients cannot hold a connection: headers within 10 s, the whole request within 15 s (the body reader
// answers 408 after 10 s), checked every second.
const server = createServer({ headersTimeout: 10_000, requestTimeout: 15_000, connectionsCheckingInterval: 1_000 }, app);
server.keepAliveTimeout = 5_000;
server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  // The names this server answers to by default: loopback, with its port.
  for (const name of ['localhost', '127.0.0.1', '[::1]']) allowedHosts.add(`${name}:${actual}`);
  if (host !== '0.0.0.0' && host !== '::') allowedHosts.add(`${host.includes(':') ? `[${host}]` : host}:${actual}`.toLowerCase());
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`Cổng kiểm điểm (ví dụ) đang chạy / portal listening: http://${shown}:${actual}/`);
  console.log(`Bản nháp lưu tại / drafts stored in: ${dbPath}`);
  console.log(`Tài khoản / accounts: ${usersPath}; nhật ký / audit log: ${auditPath}`);
  console.log(`Tên máy được phục vụ / allowed hosts: ${[...allowedHosts].join(', ')}`);
  for (const [name, value] of Object.entries(settings.parameters)) console.log(`Tham số / parameter: ${name} = ${JSON.stringify(value)}`);
});
server.on('error', (error) => {
  console.error(`Không mở được cổng / cannot listen on ${host}:${port}: ${error.message}`);
  store.close();
  audit.close();
  process.exit(1);
});

// Close the database cleanly on Ctrl-C or a stop signal; every saved draft is already on disk.
let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    store.close();
    audit.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
