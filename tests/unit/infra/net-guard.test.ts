// lib/infra/net-guard.ts: which addresses count as public, how host names and IP literals are checked,
// and the connect-time lookup that defeats DNS rebinding. Requests go to real local servers.
import dns, { type LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AddressRefusedError, addressRange, assertPublicHost, guardedLookup, isPublicAddress } from '@/lib/infra/net-guard';
import { getJson } from '@/lib/sources/chain/request';
import { startRouteStandin } from '@/tests/support/chain-standins';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('isPublicAddress', () => {
  // [address, range that refuses it]
  const refused: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['169.254.169.254', 'linkLocal'], // cloud metadata
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'], // IPv4-mapped: the IPv4 address decides
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::7f00:1', 'ipv4Compatible'], // ::127.0.0.1, deprecated IPv4-compatible
    ['2002:7f00:1::1', 'loopback'], // 6to4 around 127.0.0.1
    ['2002:a00:1::1', 'private'], // 6to4 around 10.0.0.1
    ['64:ff9b::a9fe:a9fe', 'linkLocal'], // NAT64 of 169.254.169.254
    ['64:ff9b:1::a00:1', 'reserved'], // local-use NAT64 prefix
    ['2001::1', 'teredo'],
    ['2001:db8::1', 'reserved'], // documentation
    ['[::1]', 'loopback'],
    ['not-an-ip', 'invalid'],
    ['', 'invalid'],
  ];
  it.each(refused)('refuses %s (%s)', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2002:808:808::1', // 6to4 around 8.8.8.8
    '64:ff9b::808:808', // NAT64 of 8.8.8.8 (IPv6-only hosts with DNS64 need it)
  ];
  it.each(allowed)('allows %s', (address) => {
    expect(addressRange(address)).toBe('unicast');
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('AddressRefusedError', () => {
  it('says what was refused and names ALLOW_PRIVATE_SOURCES', () => {
    expect(new AddressRefusedError('127.0.0.1', 'loopback').message).toBe(
      'refused: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    );
    expect(new AddressRefusedError('10.0.0.5', 'private', 'db.internal').message).toBe(
      'refused: db.internal resolves to 10.0.0.5, which is a private address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    );
    const error = new AddressRefusedError('100.64.0.1', 'carrierGradeNat');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AddressRefusedError');
    expect(error.range).toBe('carrierGradeNat');
  });
});

describe('assertPublicHost', () => {
  const literals = [
    '127.0.0.1',
    '10.0.0.1',
    '192.168.0.10',
    '172.16.5.4',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.1.1',
    '::1',
    '[::1]',
    'fe80::1',
    '[fc00::1]',
    '::ffff:127.0.0.1',
    '[::ffff:7f00:1]',
  ];
  it.each(literals)('refuses the literal %s without a DNS lookup, and allows it with allowPrivate', async (host) => {
    const lookup = vi.spyOn(dns.promises, 'lookup');
    await expect(assertPublicHost(host, false)).rejects.toBeInstanceOf(AddressRefusedError);
    if (host === '[::1]') await expect(assertPublicHost(host, false)).rejects.toThrow('refused: ::1 is a loopback address;');
    const addresses = await assertPublicHost(host, true);
    expect(addresses).toHaveLength(1);
    expect(isPublicAddress(addresses[0]!)).toBe(false);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('reads the odd IPv4 forms as getaddrinfo would, and WHATWG URL already normalizes them', async () => {
    // URL hosts: "0x7f.1", "2130706433", "0177.0.0.1" and "127.1" all become 127.0.0.1.
    for (const url of ['http://0x7f.1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://127.1:80/']) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
    }
    expect(new URL('http://[::ffff:127.0.0.1]/').hostname).toBe('[::ffff:7f00:1]');
    // And the raw forms, should a caller pass one without URL parsing.
    for (const host of ['0x7f.1', '2130706433', '0177.0.0.1', '127.1']) {
      await expect(assertPublicHost(host, false)).rejects.toThrow(`refused: ${host} resolves to 127.0.0.1, which is a loopback address`);
    }
  });

  it('refuses localhost (resolved through the system resolver)', async () => {
    const error = await assertPublicHost('localhost', false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect((error as AddressRefusedError).message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), which is a loopback address; set ALLOW_PRIVATE_SOURCES=1/);
    const allowed = await assertPublicHost('localhost', true);
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.every((address) => addressRange(address) === 'loopback')).toBe(true);
  });

  it('refuses a name that resolves to loopback, and one where any of several addresses is private', async () => {
    const lookup = vi.spyOn(dns.promises, 'lookup').mockImplementation((async (hostname: string) => {
      if (hostname === 'loopback.example') return [{ address: '127.0.0.1', family: 4 }];
      if (hostname === 'mixed.example') {
        return [
          { address: '93.184.216.34', family: 4 },
          { address: '10.0.0.7', family: 4 },
        ];
      }
      return [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::248', family: 6 },
      ];
    }) as unknown as typeof dns.promises.lookup);

    await expect(assertPublicHost('loopback.example', false)).rejects.toThrow(
      'refused: loopback.example resolves to 127.0.0.1, which is a loopback address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    );
    await expect(assertPublicHost('mixed.example', false)).rejects.toThrow('mixed.example resolves to 10.0.0.7, which is a private address');
    await expect(assertPublicHost('mixed.example', true)).resolves.toEqual(['93.184.216.34', '10.0.0.7']);
    await expect(assertPublicHost('public.example', false)).resolves.toEqual(['93.184.216.34', '2606:2800:220:1::248']);
    // Every address was asked for, not just the first.
    expect(lookup).toHaveBeenCalledWith('mixed.example', { all: true });
  });

  it('passes DNS failures through unchanged', async () => {
    vi.spyOn(dns.promises, 'lookup').mockRejectedValue(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' }));
    await expect(assertPublicHost('nowhere.example', false)).rejects.toThrow('ENOTFOUND');
  });
});

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function mockLookup(answers: Record<string, LookupAddress[]>) {
  return vi.spyOn(dns, 'lookup').mockImplementation(((hostname: string, _options: unknown, callback: LookupCallback) => {
    const found = answers[hostname];
    if (found) callback(null, found);
    else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  }) as unknown as typeof dns.lookup);
}

function callLookup(hostname: string, options: { all?: boolean; family?: number }) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((resolve) => {
    guardedLookup(hostname, options, (error, address, family) => resolve({ error, address, family }));
  });
}

describe('guardedLookup (connect time)', () => {
  it('answers in both callback forms for public names', async () => {
    mockLookup({ 'public.example': [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::248', family: 6 }] });
    expect(await callLookup('public.example', {})).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    expect(await callLookup('public.example', { all: true })).toEqual({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::248', family: 6 },
      ],
      family: undefined,
    });
  });

  it('refuses a name with any non-public answer', async () => {
    mockLookup({ 'rebind.example': [{ address: '93.184.216.34', family: 4 }, { address: '169.254.169.254', family: 4 }] });
    const { error } = await callLookup('rebind.example', {});
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect(error?.message).toBe(
      'refused: rebind.example resolves to 169.254.169.254, which is a link-local address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    );
  });

  it('passes resolver errors through', async () => {
    mockLookup({});
    const { error } = await callLookup('nowhere.example', { all: true });
    expect(error?.code).toBe('ENOTFOUND');
  });

  it('defeats DNS rebinding: the pre-check sees a public address, the connect sees loopback, no byte is sent', async () => {
    const standin = await startRouteStandin({ routes: { '/api': { body: '{"ok":true}' } } });
    try {
      // First answer (the pre-check): public. Second answer (the connect): the stand-in on loopback.
      vi.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '93.184.216.34', family: 4 }] as never);
      mockLookup({ 'rebind.example': [{ address: '127.0.0.1', family: 4 }] });
      const error = await getJson(`http://rebind.example:${standin.port}/api`, { timeoutMs: 2000, allowPrivate: false, source: 'test' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AddressRefusedError);
      expect((error as Error).message).toContain('rebind.example resolves to 127.0.0.1, which is a loopback address');
      expect(standin.connections()).toBe(0);
      expect(standin.requests()).toBe(0);

      // The same request with allowPrivate connects (through the system resolver for the literal).
      await expect(getJson(`${standin.url}/api`, { timeoutMs: 2000, allowPrivate: true })).resolves.toEqual({ ok: true });
      expect(standin.requests()).toBe(1);
    } finally {
      await standin.close();
    }
  });
});
