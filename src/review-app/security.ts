import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The cookie that stands for the one-time token once it has been exchanged. */
export const SESSION_COOKIE = 'steward_review';

/**
 * Every response's security headers. The page loads only its own files (no inline script or style, no
 * other origin), may not be framed, and keeps nothing in caches: a label may change at any commit.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri " +
    "'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** A random secret in URL-safe base64 (256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may talk to the server: the holder of the one-time token printed at start, which the first visit
 * exchanges for an HttpOnly, SameSite=Strict session cookie (the token is then spent, so a URL left in
 * a shell history or a screenshot opens nothing).
 */
export class Gate {
  private tokenSpent = false;
  readonly token = newSecret();
  private readonly session = newSecret();

  constructor(readonly origin: string) {}

  /** The token's exchange on the first visit: the Set-Cookie value, or undefined when the token is wrong or spent. */
  exchange(token: string | null): string | undefined {
    if (this.tokenSpent || token === null || !sameSecret(token, this.token)) return undefined;
    this.tokenSpent = true;
    return `${SESSION_COOKIE}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  hasSession(req: IncomingMessage): boolean {
    return sameSecret(cookieOf(req.headers.cookie, SESSION_COOKIE), this.session);
  }

  /**
   * The request names this server as its host (a DNS-rebinding page reaches 127.0.0.1 under another
   * name, and its Host header says so).
   */
  hostIsOurs(req: IncomingMessage): boolean {
    return req.headers.host === new URL(this.origin).host;
  }

  /**
   * A state-changing request comes from our own page: the browser says so in Sec-Fetch-Site, or, for a
   * browser that does not send it, in Origin. Neither present: refused (no browser page sends neither).
   */
  sameOrigin(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined)
      return site === 'same-origin' && (req.headers.origin === undefined || req.headers.origin === this.origin);
    return req.headers.origin === this.origin;
  }
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
