import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly the headers given (fetch would add or refuse some, like Host). */
export function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Exchanges the one-time token for the session cookie, as a browser's first visit does. */
export async function login(url: string): Promise<string> {
  const res = await raw(url);
  if (res.status !== 303) throw new Error(`token exchange gave ${res.status}: ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  return cookie;
}

/** Every way the key's bytes could be written: the PEM's base64, the raw 32-byte seed as base64url, base64 and hex. */
export function keyForms(keyPath: string): string[] {
  const pem = readFileSync(keyPath, 'utf8');
  const d = createPrivateKey(pem).export({ format: 'jwk' }).d!;
  const seed = Buffer.from(d, 'base64url');
  const pemBody = pem
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .join('');
  return [pemBody, d, seed.toString('base64'), seed.toString('hex')];
}
