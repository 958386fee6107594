// The one way the source adapters call an upstream: fetch JSON with a timeout, no cache and no
// redirects, and turn every failure into an UpstreamError with a short plain message.

export type UpstreamErrorKind = 'timeout' | 'http' | 'malformed' | 'network';

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly kind: UpstreamErrorKind;
  readonly status?: number;
  /** From a Retry-After header (seconds or HTTP-date), so the caller can back off. */
  readonly retryAfterSeconds?: number;

  constructor(message: string, kind: UpstreamErrorKind, details: { status?: number; retryAfterSeconds?: number } = {}) {
    super(message);
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Valid JSON of the wrong shape; the message names the first bad path. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

export type FetchJsonOptions = {
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Prefix for error messages ("whattomine-gpu: HTTP 500"). Messages never include the URL,
   * which can carry an API key. */
  source?: string;
};

/** Retry-After as whole seconds from `now`: "120" or an HTTP-date; undefined when unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function causeMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

/** GETs `url` and returns the parsed JSON body; throws UpstreamError on any failure. */
export async function fetchJson(url: string, { timeoutMs, headers, source }: FetchJsonOptions): Promise<unknown> {
  const prefix = source ? `${source}: ` : '';
  // The signal also covers reading the body, so a server that stalls mid-body times out too.
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => new UpstreamError(`${prefix}timed out after ${timeoutMs} ms`, 'timeout');

  let response: Response;
  try {
    response = await fetch(url, {
      cache: 'no-store',
      redirect: 'error',
      signal,
      headers: { accept: 'application/json', ...headers },
    });
  } catch (error) {
    if (isTimeout(error)) throw timedOut();
    throw new UpstreamError(`${prefix}network error (${causeMessage(error)})`, 'network');
  }

  if (!response.ok) {
    // Release the connection; the error body is not used.
    await response.body?.cancel().catch(() => undefined);
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
    throw new UpstreamError(`${prefix}HTTP ${response.status}`, 'http', {
      status: response.status,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) throw timedOut();
    throw new UpstreamError(`${prefix}network error (${causeMessage(error)})`, 'network');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpstreamError(`${prefix}malformed JSON`, 'malformed');
  }
}
