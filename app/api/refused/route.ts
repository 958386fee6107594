// Where lib/infra/peer-capture.ts sends a request it refuses before Next handles it: a cross-origin
// form or action post (403), a body over the action limit (413), a client past its page budget
// (429, with Retry-After). Answered as JSON, with the security headers every response gets.
import { REFUSED_STATUSES } from '@/lib/infra/peer-capture';

export const dynamic = 'force-dynamic';

const WORDS: Record<number, string> = {
  400: 'Bad request.',
  403: 'Cross-origin request refused: submit the form from this site.',
  413: 'Request body too large.',
  429: 'Too many pages from your address: try again in a minute.',
};

function answer(request: Request): Response {
  const query = new URL(request.url).searchParams;
  const asked = Number(query.get('status'));
  const status = (REFUSED_STATUSES as readonly number[]).includes(asked) ? asked : 400;
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (status === 429) {
    const retry = Number(query.get('retry'));
    headers['retry-after'] = String(Number.isInteger(retry) && retry >= 1 && retry <= 60 ? retry : 60);
  }
  return Response.json({ error: WORDS[status] }, { status, headers });
}

export const GET = answer;
export const POST = answer;
