// The query string as links here spell it: values are escaped only where a query needs it, so a
// rig reads "dev=nvidia-rtx-3070:2,amd-ryzen-9-7950x" rather than "%3A2%2C…" (the spelling nuqs's
// serializer gives the server's links; one view has one URL, which proxy.ts's page copy keys on).

/** Escapes what would end or change a query value: % + space # & quotes < > and control characters. */
export function escapeQueryValue(text: string): string {
  return text.replace(/[%+#&"'`<>\u0000-\u001f ]/g, (c) => (c === ' ' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}

/** Also escapes = and ? in a key. */
function escapeQueryKey(text: string): string {
  return escapeQueryValue(text).replace(/[=?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "" for no params, else "?k=v&…" in the params' order. */
export function renderQuery(params: URLSearchParams): string {
  const parts: string[] = [];
  params.forEach((value, key) => parts.push(`${escapeQueryKey(key)}=${escapeQueryValue(value)}`));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
