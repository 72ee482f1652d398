import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StewardError } from '../errors/index.js';
import { type Asset, loadAssets } from './assets.js';
import { Gate, send, sendJson } from './security.js';
import { ReviewService, type ReviewServiceOptions } from './service.js';

/** The only address the review server listens on: this machine, never a network. */
export const LOOPBACK = '127.0.0.1';
const MAX_BODY = 64 * 1024;

export interface ReviewServerOptions extends ReviewServiceOptions {
  /** 0 (the default): any free port. */
  port?: number;
}

export interface ReviewServer {
  /** The one URL to open: the origin with the one-time token. */
  url: string;
  origin: string;
  port: number;
  service: ReviewService;
  close(): Promise<void>;
}

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const assets = loadAssets();
  const service = new ReviewService(options);
  await service.queue(); // fail at start, not on the first click, when the benchmark cannot be read
  let gate: Gate | undefined;
  const server = createServer((req, res) => {
    handle(req, res, gate!, service, assets).catch((error) => fail(res, error));
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  gate = new Gate(origin);
  return { url: `${origin}/?token=${gate.token}`, origin, port, service, close: () => closeServer(server, service) };
}

/** Stops taking requests, lets a decision being signed finish (and its page hear the commit), then closes. */
async function closeServer(server: Server, service: ReviewService): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await service.idle();
  server.closeAllConnections();
  await closed;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  gate: Gate,
  service: ReviewService,
  assets: Map<string, Asset>,
): Promise<void> {
  if (!gate.hostIsOurs(req)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host\n');
  const url = new URL(req.url ?? '/', gate.origin);
  const token = url.searchParams.get('token');
  if (url.pathname === '/' && token !== null && req.method === 'GET') {
    const cookie = gate.exchange(token);
    if (!cookie)
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Forbidden: this token is wrong or was already used; restart `steward review` for a new one\n',
      );
    return send(res, 303, 'text/plain; charset=utf-8', 'See /\n', { 'set-cookie': cookie, location: '/' });
  }
  if (!gate.hasSession(req))
    return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized: open the URL `steward review` printed\n');

  if (req.method === 'GET') {
    const asset = assets.get(url.pathname);
    if (asset) return send(res, 200, asset.type, asset.body);
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (url.pathname === '/api/session') return sendJson(res, 200, await service.session());
    if (url.pathname === '/api/queue') return sendJson(res, 200, await service.queue());
    if (url.pathname === '/api/panel') return sendJson(res, 200, await service.panel());
    const item = /^\/api\/item\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
    if (item) return sendJson(res, 200, await service.item(item[1]));
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }
  if (req.method !== 'POST')
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { allow: 'GET, POST' });
  // A state change: only from our own page (CSRF), only as JSON (no HTML form can send that).
  if (!gate.sameOrigin(req)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: cross-site request\n');
  if (!/^application\/json(?:;|$)/.test(req.headers['content-type'] ?? ''))
    return send(res, 415, 'text/plain; charset=utf-8', 'Send application/json\n');
  const body = await readJson(req);
  if (url.pathname === '/api/decision') return sendJson(res, 200, await service.decide(body));
  const reveal = /^\/api\/reveal\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
  if (reveal) return sendJson(res, 200, await service.reveal(reveal[1], body));
  return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new StewardError('BODY_TOO_LARGE', `request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new StewardError('BAD_JSON', 'the request body is not JSON');
  }
}

/** Our own errors say what to do (409 when the label changed underneath); anything else stays in this process. */
function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) return void res.destroy();
  if (error instanceof StewardError) {
    const status =
      error.code === 'LABEL_CHANGED'
        ? 409
        : error.code === 'UNKNOWN_LABEL'
          ? 404
          : error.code === 'BODY_TOO_LARGE'
            ? 413
            : 400;
    sendJson(res, status, { code: error.code, message: error.message });
    return;
  }
  process.stderr.write(
    `steward review: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  sendJson(res, 500, { code: 'INTERNAL', message: 'internal error; see the terminal running steward review' });
}
