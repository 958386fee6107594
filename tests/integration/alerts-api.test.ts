// The alerts API through its route handlers with a real Request: 201 with a secret manage link,
// 400 naming the field, a private webhook refused, the manage link's GET, PATCH and DELETE.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.HISTORY_FILE = path.join(mkdtempSync(path.join(tmpdir(), 'minerank-alerts-api-')), 'history.sqlite');
process.env.SOURCES = '';
process.env.ALERT_RULES_PER_DESTINATION = '2';

const { POST } = await import('@/app/api/alerts/route');
const manage = await import('@/app/api/alerts/[id]/route');

const post = (body: unknown) =>
  POST(new Request('http://localhost/api/alerts', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }));
const rule = { kind: 'profit-below', coin: 'RVN', usdPerDay: 0, view: 'hr.kawpow=30M' };
const webhook = { kind: 'webhook', url: 'https://93.184.215.14/hook' }; // a public address literal: no DNS needed

describe('POST /api/alerts', () => {
  it('answers 201 with a manage link, and that link shows, pauses and deletes the rule', async () => {
    const response = await post({ rule, destination: webhook });
    expect(response.status).toBe(201);
    const { id, manageUrl } = (await response.json()) as { id: string; manageUrl: string };
    expect(manageUrl).toMatch(new RegExp(`^http://localhost:3000/api/alerts/${id}\\?key=[\\w-]{32}$`));
    const key = new URL(manageUrl).searchParams.get('key')!;
    const context = { params: Promise.resolve({ id }) };
    const shown = await manage.GET(new Request(`http://localhost/api/alerts/${id}?key=${key}`), context);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ id, rule: { kind: 'profit-below', coin: 'RVN', forMinutes: 0 }, paused: null, deliveries: [] });
    expect((await manage.GET(new Request(`http://localhost/api/alerts/${id}?key=nope`), context)).status).toBe(404);
    const paused = await manage.PATCH(new Request(`http://localhost/api/alerts/${id}?key=${key}`, { method: 'PATCH', body: '{"paused":true}' }), context);
    expect(await paused.json()).toEqual({ id, paused: 'user' });
    expect((await manage.DELETE(new Request(`http://localhost/api/alerts/${id}?key=${key}`, { method: 'DELETE' }), context)).status).toBe(204);
    expect((await manage.GET(new Request(`http://localhost/api/alerts/${id}?key=${key}`), context)).status).toBe(404);
  });

  it.each([
    [{ rule: { ...rule, coin: 'R' }, destination: webhook }, 'rule.coin'],
    [{ rule: { ...rule, kind: 'nonsense' }, destination: webhook }, 'rule.kind'],
    [{ rule: { ...rule, view: 'hr.kawpow=fast' }, destination: webhook }, 'rule.view.hr.kawpow'],
    [{ rule, destination: { kind: 'webhook', url: 'ftp://x.example/' } }, 'destination.url'],
    [{ rule, destination: { kind: 'email', to: 'a@b.example' } }, 'destination.kind'], // no SMTP_URL here
    [{ rule, destination: { kind: 'webhook', url: 'http://127.0.0.1:9/hook' } }, 'destination.url'],
    ['{not json', 'body'],
  ])('400 naming the field: %j → %s', async (body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field });
  });

  it('caps the rules per destination', async () => {
    const destination = { kind: 'webhook', url: 'https://93.184.215.14/capped' };
    expect((await post({ rule, destination })).status).toBe(201);
    expect((await post({ rule, destination })).status).toBe(201);
    const third = await post({ rule, destination });
    expect(third.status).toBe(400);
    expect(await third.json()).toMatchObject({ field: 'destination' });
  });
});

describe('GET /feeds/rank', () => {
  it('answers Atom for a ranking URL, and 400 naming a bad param', async () => {
    const { GET } = await import('@/app/feeds/rank/route');
    const response = await GET(new Request('http://localhost/feeds/rank?hr.kawpow=30M&watch=RVN:0'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<title>minerank: the best coin for your rig</title>');
    // The embedded snapshot has no recorded history: a valid feed with no entries.
    expect(xml).not.toContain('<entry>');
    expect((await (await GET(new Request('http://localhost/feeds/rank?watch=RVN'))).json())).toMatchObject({ param: 'watch' });
    expect((await GET(new Request('http://localhost/feeds/rank?kwh=-1'))).status).toBe(400);
  });
});
