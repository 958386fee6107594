// What an alert says and where it goes: the message for a firing, and the HTTP request (or e-mail)
// each destination kind takes. Building them is pure; sending is the caller's (lib/server/alerts.ts),
// through the SSRF-guarded request, with no redirects and a small timeout.
import type { AlertDestination, AlertRule, Measurement } from './rules';

export type AlertMessage = { title: string; text: string; link: string };

const usd = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? `$${x.toFixed(2)}/day` : 'unknown');

/** The words of one firing, from the rule and the figures that made it fire. */
export function alertMessage(rule: AlertRule, measurement: Measurement, link: string): AlertMessage {
  const f = measurement.figures;
  switch (rule.kind) {
    case 'beats-current':
      return {
        title: `${String(f.best)} now beats ${rule.coin} for your rig`,
        text: `${String(f.best)} pays ${usd(f.bestProfit)} against ${usd(f.profit)} for ${rule.coin}: more than ${rule.marginPercent} % better for ${rule.forMinutes} minutes.`,
        link,
      };
    case 'profit-below':
    case 'profit-above':
      return {
        title: `${rule.coin} profit is ${rule.kind === 'profit-below' ? 'below' : 'above'} ${usd(rule.usdPerDay)}`,
        text: `${rule.coin} now pays ${usd(f.profit)} for your rig (threshold ${usd(rule.usdPerDay)}${rule.forMinutes > 0 ? `, for ${rule.forMinutes} minutes` : ''}).`,
        link,
      };
    case 'difficulty-rise':
      return {
        title: `${rule.coin} difficulty rose ${typeof f.risePercent === 'number' ? f.risePercent.toFixed(0) : '?'} %`,
        text: `${rule.coin} difficulty is ${String(f.difficulty)}, up from ${String(f.lowest)} within ${rule.withinHours} h (rule: ${rule.percent} %).`,
        link,
      };
  }
}

export type HttpDelivery = { kind: 'http'; url: string; body: unknown };
export type EmailDelivery = { kind: 'email'; to: string; subject: string; text: string };

/** The request a destination takes for a message. */
export function deliveryFor(destination: AlertDestination, message: AlertMessage, ruleId: string): HttpDelivery | EmailDelivery {
  const line = `${message.title}. ${message.text} ${message.link}`;
  switch (destination.kind) {
    case 'webhook':
      if (destination.format === 'discord') return { kind: 'http', url: destination.url, body: { content: line.slice(0, 2000) } };
      if (destination.format === 'slack') return { kind: 'http', url: destination.url, body: { text: line } };
      return { kind: 'http', url: destination.url, body: { rule: ruleId, title: message.title, text: message.text, link: message.link } };
    case 'ntfy': {
      // ntfy's JSON publishing: POST to the server's root with the topic in the body.
      const url = new URL(destination.url);
      const topic = url.pathname.replace(/^\/+|\/+$/g, '');
      return { kind: 'http', url: `${url.origin}/`, body: { topic, title: message.title, message: message.text, click: message.link } };
    }
    case 'telegram':
      return {
        kind: 'http',
        url: `https://api.telegram.org/bot${destination.botToken}/sendMessage`,
        body: { chat_id: destination.chatId, text: line, disable_web_page_preview: true },
      };
    case 'email':
      return { kind: 'email', to: destination.to, subject: message.title, text: `${message.text}\n\n${message.link}\n` };
  }
}

/** Seconds before retry n (1-based) of a failed delivery: 1 s, 4 s, 16 s. */
export const RETRY_DELAYS_MS = [1_000, 4_000, 16_000] as const;

/** A destination that has failed without a success for this long is paused, and its rule says so. */
export const PAUSE_AFTER_FAILING_MS = 24 * 3_600_000;
