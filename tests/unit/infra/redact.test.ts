// Private URLs and addresses never reach a visitor (lib/infra/redact.ts).
import { describe, expect, it } from 'vitest';
import { HIDDEN_ADDRESS, redactAddresses, shownUrl } from '@/lib/infra/redact';

describe('shownUrl', () => {
  it('keeps public sources and hides private, loopback, link-local and local names', () => {
    expect(shownUrl('https://raptorhash.com')).toBe('https://raptorhash.com');
    expect(shownUrl('http://93.184.216.34:8332')).toBe('http://93.184.216.34:8332');
    for (const url of ['http://10.0.0.5:8332', 'http://127.0.0.1:4020', 'http://[::1]:18081', 'http://169.254.169.254/', 'http://mynode:8332', 'http://node.lan:8332', 'http://x.internal/']) {
      expect(shownUrl(url)).toBe(`http://${HIDDEN_ADDRESS}`);
    }
    expect(shownUrl('not a url')).toBe(HIDDEN_ADDRESS);
  });
});

describe('redactAddresses', () => {
  it('hides non-public IPv4 addresses in an error, keeps public ones', () => {
    expect(redactAddresses('bitcoin-rpc: network error (connect ECONNREFUSED 192.168.1.20:8332)')).toBe(
      `bitcoin-rpc: network error (connect ECONNREFUSED ${HIDDEN_ADDRESS})`,
    );
    expect(redactAddresses('timed out asking 93.184.216.34:8332')).toBe('timed out asking 93.184.216.34:8332');
  });
});
