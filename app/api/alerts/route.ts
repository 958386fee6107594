// POST /api/alerts { rule, destination } → 201 { id, manageUrl }. Anyone may save a rule, so the
// abuse bounds are settings: rules per client per hour, per destination, and in all.
import { createAlertSchema } from '@/lib/alerts/rules';
import { assertPublicHost, AddressRefusedError } from '@/lib/infra/net-guard';
import { limiterKey } from '@/lib/infra/client-address';
import { clientOf } from '@/lib/server/operator';
import { getAlerts } from '@/lib/server/queries';
import { parseDashboardParams } from '@/lib/url/search-params';
import { rateLimited } from '@/app/api/_lib/respond';

const MAX_BODY_BYTES = 16 * 1024;
const bad = (field: string, error: string, status = 400) => Response.json({ error: `${field}: ${error}`, field }, { status });

export async function POST(request: Request): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return bad('body', `at most ${MAX_BODY_BYTES} bytes`, 413);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return bad('body', 'not JSON');
  }
  const parsed = createAlertSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return bad(issue.path.join('.') || 'body', issue.message);
  }
  const { rule, destination } = parsed.data;
  const viewErrors = parseDashboardParams(new URLSearchParams(rule.view.replace(/^\?/, ''))).errors;
  if (viewErrors.length > 0) return bad(`rule.view.${viewErrors[0]!.param}`, viewErrors[0]!.message);

  const { store, env } = getAlerts();
  if (!env.ALERT_CHANNELS.includes(destination.kind)) return bad('destination.kind', `${destination.kind} alerts are switched off on this server`);
  if (destination.kind === 'email' && !env.SMTP_URL) return bad('destination.kind', 'e-mail alerts need an SMTP server the operator has not configured');
  if (destination.kind === 'webhook' || destination.kind === 'ntfy') {
    try {
      await assertPublicHost(new URL(destination.url).hostname.replace(/^\[|\]$/g, ''), env.ALERTS_ALLOW_PRIVATE);
    } catch (error) {
      if (error instanceof AddressRefusedError) return bad('destination.url', error.message);
      return bad('destination.url', 'its host name does not resolve');
    }
  }
  const client = limiterKey(clientOf(request.headers));
  const now = Date.now();
  const counts = await store.counts(client, now - 3_600_000, destination);
  if (counts.byClient >= env.ALERT_RULES_PER_CLIENT_PER_HOUR) {
    return Response.json({ error: `at most ${env.ALERT_RULES_PER_CLIENT_PER_HOUR} rules an hour from one client` }, { status: 429, headers: { 'retry-after': '3600' } });
  }
  if (counts.byDestination >= env.ALERT_RULES_PER_DESTINATION) return bad('destination', `at most ${env.ALERT_RULES_PER_DESTINATION} rules per destination`);
  if (counts.total >= env.ALERT_RULES_MAX) return Response.json({ error: 'this server holds as many alert rules as it allows' }, { status: 503 });
  const { id, secret } = await store.create(rule, destination, client, now);
  return Response.json(
    { id, manageUrl: `${env.SITE_URL}/api/alerts/${id}?key=${secret}`, pageUrl: `${env.SITE_URL}/alerts/${id}?key=${secret}` },
    { status: 201 },
  );
}
