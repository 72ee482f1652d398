import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server does with one request. */
export type ScriptedReply =
  | { kind: 'reply'; content: string; model?: string; promptTokens?: number; completionTokens?: number }
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  /** Accept the request and never answer (the client's timeout must fire). */
  | { kind: 'hang' }
  /** Send the headers and half of a reply, then destroy the connection. */
  | { kind: 'cut'; content: string };

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  seed?: number;
  temperature?: number;
  max_tokens?: number;
  response_format?: unknown;
}

export interface ScriptedServer {
  /** Base URL for the client, http://127.0.0.1:<port>/v1. */
  url: string;
  /** Every request received, in order (the body as parsed). */
  requests: ChatRequestBody[];
  close(): Promise<void>;
}

/**
 * A chat-completions server on loopback (127.0.0.1, a free port) that answers from a script: the
 * tests and the demo run the real client, over real HTTP, against it. `respond` sees each request's
 * body and its 0-based number; it decides the reply.
 */
export async function startScriptedServer(
  respond: (body: ChatRequestBody, callNumber: number) => ScriptedReply,
): Promise<ScriptedServer> {
  const requests: ChatRequestBody[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      let body: ChatRequestBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'bad JSON' } }));
        return;
      }
      const n = requests.push(body) - 1;
      const reply = respond(body, n);
      if (reply.kind === 'hang') {
        hanging.add(res);
        return;
      }
      if (reply.kind === 'status') {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (reply.retryAfter !== undefined) headers['retry-after'] = reply.retryAfter;
        res
          .writeHead(reply.status, headers)
          .end(JSON.stringify({ error: { message: reply.message ?? `scripted ${reply.status}`, type: 'scripted' } }));
        return;
      }
      const payload = JSON.stringify({
        id: `chatcmpl-${n}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: reply.kind === 'reply' ? (reply.model ?? `${body.model}-scripted`) : body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content } }],
        usage:
          reply.kind === 'reply'
            ? {
                prompt_tokens: reply.promptTokens ?? 1000,
                completion_tokens: reply.completionTokens ?? 200,
                total_tokens: (reply.promptTokens ?? 1000) + (reply.completionTokens ?? 200),
              }
            : undefined,
      });
      if (reply.kind === 'cut') {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
        });
        res.write(payload.slice(0, Math.floor(payload.length / 2)), () => res.destroy());
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The patient note inside a verifier prompt (the text after "Patient note:"). */
export function noteOf(body: Pick<ChatRequestBody, 'messages'>): string {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const at = user.indexOf('Patient note:\n');
  if (at < 0) return '';
  const rest = user.slice(at + 'Patient note:\n'.length);
  const q = rest.indexOf('\n\nQuestion: ');
  return q >= 0 ? rest.slice(0, q) : rest;
}
