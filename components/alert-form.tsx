'use client';

import { useState, type FormEvent } from 'react';

type Errors = Partial<Record<string, string>>;

/** Maps the API's field path ("rule.coin", "destination.url", "rule.view.kwh") to this form's field. */
function fieldOf(path: string): string {
  if (path.startsWith('rule.view')) return 'view';
  if (path === 'rule.usdPerDay' || path === 'rule.marginPercent' || path === 'rule.percent') return 'threshold';
  if (path === 'destination.url' || path === 'destination.to' || path === 'destination.chatId') return 'target';
  const last = path.split('.').pop() ?? path;
  return last === 'kind' && path.startsWith('destination') ? 'channel' : last;
}

/**
 * Saves an alert rule for the rig in `view` (the ranking URL's query) through POST /api/alerts, and
 * shows the secret links it answers with, or each problem under its field.
 */
export function AlertForm({ view }: { view: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<{ manageUrl: string; pageUrl: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const kind = get('kind');
    const threshold = Number(get('threshold'));
    const rule: Record<string, unknown> = { kind, coin: get('coin'), view: get('view') };
    if (kind === 'beats-current') rule.marginPercent = threshold;
    else if (kind === 'difficulty-rise') rule.percent = threshold;
    else rule.usdPerDay = threshold;
    if (kind !== 'difficulty-rise') rule.forMinutes = Number(get('forMinutes') || '0');
    const channel = get('channel');
    const target = get('target');
    const destination: Record<string, unknown> =
      channel === 'email'
        ? { kind: 'email', to: target }
        : channel === 'telegram'
          ? { kind: 'telegram', chatId: target, botToken: get('botToken') }
          : channel === 'ntfy'
            ? { kind: 'ntfy', url: target }
            : { kind: 'webhook', url: target, format: channel.replace('webhook-', '') || 'json' };
    const errs: Errors = {};
    if (get('threshold') === '' || !Number.isFinite(threshold)) errs.threshold = 'Enter a number.';
    if (!target) errs.target = 'Say where to send it.';
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const response = await fetch('/api/alerts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rule, destination }) });
      const answer = (await response.json()) as { manageUrl?: string; id?: string; error?: string; field?: string };
      if (response.status === 201 && answer.manageUrl && answer.id) {
        const key = new URL(answer.manageUrl).searchParams.get('key') ?? '';
        setSaved({ manageUrl: answer.manageUrl, pageUrl: `/alerts/${answer.id}?key=${encodeURIComponent(key)}` });
      } else {
        setErrors({ [fieldOf(answer.field ?? 'form')]: answer.error ?? `The server answered ${response.status}.` });
      }
    } catch {
      setErrors({ form: 'The server could not be reached.' });
    } finally {
      setBusy(false);
    }
  }

  if (saved) {
    return (
      <section className="panel" data-testid="alert-saved">
        <h2>Alert saved</h2>
        <p>
          Keep this link: it is the only way to see, pause or delete the alert. <a href={saved.pageUrl}>Manage this alert</a>
        </p>
        <p className="muted small">
          API: <code>{saved.manageUrl}</code> (GET, PATCH, DELETE)
        </p>
      </section>
    );
  }

  const error = (name: string) => (
    <span className="field-error" id={`alert-${name}-error`} data-testid={`error-${name}`} role={errors[name] ? 'alert' : undefined}>
      {errors[name] ?? ''}
    </span>
  );
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <input type="hidden" name="view" value={view} />
      <div className="field">
        <label htmlFor="alert-kind">Tell me when</label>
        <select id="alert-kind" name="kind" defaultValue="profit-below">
          <option value="profit-below">the coin’s profit for my rig drops below (USD/day)</option>
          <option value="profit-above">the coin’s profit for my rig rises above (USD/day)</option>
          <option value="beats-current">any coin beats this coin by (%)</option>
          <option value="difficulty-rise">the coin’s difficulty rises within 24 h by (%)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="alert-coin">Coin (ticker)</label>
        <input id="alert-coin" name="coin" autoComplete="off" aria-describedby="alert-coin-error" />
        {error('coin')}
      </div>
      <div className="field">
        <label htmlFor="alert-threshold">Threshold</label>
        <input id="alert-threshold" name="threshold" inputMode="decimal" defaultValue="0" aria-describedby="alert-threshold-error" />
        {error('threshold')}
      </div>
      <div className="field">
        <label htmlFor="alert-for">For at least (minutes)</label>
        <input id="alert-for" name="forMinutes" inputMode="numeric" defaultValue="0" aria-describedby="alert-forMinutes-error" />
        {error('forMinutes')}
      </div>
      <div className="field">
        <label htmlFor="alert-channel">Send it to</label>
        <select id="alert-channel" name="channel" defaultValue="webhook-json" aria-describedby="alert-channel-error">
          <option value="webhook-json">a webhook (JSON)</option>
          <option value="webhook-discord">a Discord webhook</option>
          <option value="webhook-slack">a Slack webhook</option>
          <option value="ntfy">an ntfy topic URL</option>
          <option value="telegram">a Telegram chat (id or @channel)</option>
          <option value="email">an e-mail address</option>
        </select>
        {error('channel')}
      </div>
      <div className="field">
        <label htmlFor="alert-target">Address (URL, chat or e-mail)</label>
        <input id="alert-target" name="target" autoComplete="off" aria-describedby="alert-target-error" />
        {error('target')}
      </div>
      <div className="field">
        <label htmlFor="alert-bot">Telegram bot token (Telegram only)</label>
        <input id="alert-bot" name="botToken" autoComplete="off" aria-describedby="alert-botToken-error" />
        {error('botToken')}
      </div>
      {error('view')}
      {error('form')}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save the alert'}
      </button>
    </form>
  );
}
