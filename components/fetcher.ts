// The one fetcher for client refreshes (SWR): JSON, or an Error carrying the HTTP status, so a
// 429 or a 500 keeps the last good data on screen instead of replacing it.
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export async function fetcher<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new FetchError(`${url} answered ${response.status}`, response.status);
  return (await response.json()) as T;
}
