import OpenAI from 'openai';
import type { ChatRequest } from './prompt.js';

export interface ChatClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** First backoff in milliseconds, doubled per attempt (a Retry-After header overrides it). */
  backoffMs: number;
}

export interface ChatReply {
  content: string;
  /** The model id the server reported (it may differ from the one asked for). */
  model: string;
  promptTokens: number;
  completionTokens: number;
  attempts: number;
}

export class ChatCallError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One chat-completions call through the `openai` package with its own retries switched off, so that
 * ours can honour Retry-After and count attempts: 429, 5xx, timeouts and broken connections are
 * retried with exponential backoff; other 4xx fail at once (a bad request stays bad).
 */
export function makeChatClient(options: ChatClientOptions) {
  const client = new OpenAI({
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    maxRetries: 0,
    timeout: options.timeoutMs,
  });
  return async function chat(
    model: string,
    request: ChatRequest,
    params: { seed: number; temperature: number; maxTokens: number },
  ): Promise<ChatReply> {
    let lastError = '';
    let lastStatus: number | undefined;
    let attempts = 0;
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      attempts = attempt;
      try {
        const completion = await client.chat.completions.create({
          model,
          messages: request.messages,
          seed: params.seed,
          temperature: params.temperature,
          max_tokens: params.maxTokens,
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'verifier_reply', schema: request.responseSchema, strict: false },
          },
        });
        const content = completion.choices?.[0]?.message?.content;
        if (typeof content !== 'string') throw new ChatCallError('the reply has no message content', attempt);
        return {
          content,
          model: typeof completion.model === 'string' ? completion.model : model,
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
          attempts: attempt,
        };
      } catch (error) {
        const status = error instanceof OpenAI.APIError ? error.status : undefined;
        lastStatus = status;
        lastError = error instanceof Error ? error.message : String(error);
        const retryable = status === undefined || status === 429 || status === 408 || status >= 500;
        if (!retryable || attempt === options.maxAttempts) break;
        const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
        const wait = retryAfterMs(headers?.get?.('retry-after')) ?? options.backoffMs * 2 ** (attempt - 1);
        await sleep(Math.min(wait, 60_000));
      }
    }
    throw new ChatCallError(
      `chat call failed after ${attempts} attempt(s)${lastStatus ? ` (HTTP ${lastStatus})` : ''}: ${lastError}`,
      attempts,
      lastStatus,
    );
  };
}

export type ChatFunction = ReturnType<typeof makeChatClient>;
