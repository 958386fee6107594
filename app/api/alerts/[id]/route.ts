// The secret manage link of one alert rule: GET (the rule, its state and delivery log), PATCH
// { paused } and DELETE. A wrong key and an unknown id both answer 404.
import type { AlertDestination } from '@/lib/alerts/rules';
import { getAlerts } from '@/lib/server/queries';
import { rateLimited } from '@/app/api/_lib/respond';

type Context = { params: Promise<{ id: string }> };

const notFound = () => Response.json({ error: 'no such alert (or a wrong key)' }, { status: 404 });

/** The destination as shown back: a Telegram bot token is a secret and never leaves the server again. */
function shown(destination: AlertDestination) {
  return destination.kind === 'telegram' ? { ...destination, botToken: '…' } : destination;
}

type Authorized =
  | { response: Response }
  | { stored: NonNullable<Awaited<ReturnType<ReturnType<typeof getAlerts>['store']['authorized']>>>; store: ReturnType<typeof getAlerts>['store'] };

async function authorized(request: Request, context: Context): Promise<Authorized> {
  const limited = await rateLimited(request);
  if (limited) return { response: limited };
  const { id } = await context.params;
  const key = new URL(request.url).searchParams.get('key') ?? '';
  const { store } = getAlerts();
  const stored = key ? await store.authorized(id, key) : null;
  return stored ? { stored, store } : { response: notFound() };
}

export async function GET(request: Request, context: Context): Promise<Response> {
  const auth = await authorized(request, context);
  if ('response' in auth) return auth.response;
  const { stored, store } = auth;
  return Response.json({
    id: stored.id,
    rule: stored.rule,
    destination: shown(stored.destination),
    createdAt: new Date(stored.createdAt).toISOString(),
    paused: stored.paused,
    state: stored.state,
    deliveries: (await store.deliveries(stored.id)).map((d) => ({ ...d, at: new Date(d.at).toISOString() })),
  });
}

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const auth = await authorized(request, context);
  if ('response' in auth) return auth.response;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'body: not JSON', field: 'body' }, { status: 400 });
  }
  const paused = (body as { paused?: unknown } | null)?.paused;
  if (typeof paused !== 'boolean') return Response.json({ error: 'paused: true or false', field: 'paused' }, { status: 400 });
  await auth.store.setPaused(auth.stored.id, paused ? 'user' : null);
  return Response.json({ id: auth.stored.id, paused: paused ? 'user' : null });
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const auth = await authorized(request, context);
  if ('response' in auth) return auth.response;
  await auth.store.remove(auth.stored.id);
  return new Response(null, { status: 204 });
}
