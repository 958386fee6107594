// What a visitor may see of where the server fetches from: a public source's URL as it is; a
// private, loopback or link-local one (an operator's own node, ALLOW_PRIVATE_SOURCES) hidden, so
// pages and APIs do not map the operator's network.
import ipaddr from 'ipaddr.js';
import { addressRange } from './net-guard';

export const HIDDEN_ADDRESS = '(private address)';

// Names that only mean something inside a network: no dot, or a private-use suffix.
const LOCAL_NAME = /(^[^.]+$)|\.(local|localhost|internal|intranet|lan|home|corp|private|home\.arpa)$/i;

/** `url` when its host is public; else its scheme with the host hidden. */
export function shownUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return HIDDEN_ADDRESS;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const hidden = ipaddr.isValid(host) ? addressRange(host) !== 'unicast' : LOCAL_NAME.test(host);
  return hidden ? `${parsed.protocol}//${HIDDEN_ADDRESS}` : url;
}

/** `text` with every non-public IPv4 address (and its port) replaced by HIDDEN_ADDRESS. */
export function redactAddresses(text: string): string {
  return text.replace(/\b(\d{1,3}(?:\.\d{1,3}){3})(:\d{1,5})?\b/g, (match, ip: string) =>
    ipaddr.IPv4.isValidFourPartDecimal(ip) && addressRange(ip) !== 'unicast' ? HIDDEN_ADDRESS : match,
  );
}
