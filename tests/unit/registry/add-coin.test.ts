import { describe, expect, it } from 'vitest';
import { checkFailure, credentialsFailure, CREDENTIALS_REFUSED, entryFromValues, valuesFromForm } from '@/lib/registry/add-coin';
import { AddressRefusedError } from '@/lib/infra/net-guard';
import { UpstreamError } from '@/lib/sources/http';
import { ChainConfigError } from '@/lib/sources/chain/request';

const good = {
  tag: ' ssc ',
  name: 'Scrypt stand-in',
  algorithm: 'scrypt',
  blockTime: '150',
  kind: 'bitcoin-rpc',
  url: 'https://node.example.org:8332/',
  authEnv: 'SSC_RPC_AUTH',
  coingeckoId: '',
  reward: '',
  factsUrl: '',
};

describe('entryFromValues', () => {
  it('turns the form into a registry entry: trimmed, upper-cased tag, no market, the source cited', () => {
    const result = entryFromValues(good);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.entry).toMatchObject({
      tag: 'SSC',
      algorithm: 'scrypt',
      blockTimeSeconds: 150,
      source: { kind: 'bitcoin-rpc', url: 'https://node.example.org:8332', authEnv: 'SSC_RPC_AUTH', decimals: 8 },
      price: null,
    });
    expect(result.entry.sources).toEqual([
      { fact: 'network figures from the coin’s own Bitcoin-family node (JSON-RPC)', url: 'https://node.example.org:8332' },
    ]);
    expect(result.entry.emission).toBeUndefined();
  });

  it('keeps a block reward as a one-step schedule and a YIIMP symbol defaulting to the ticker', () => {
    const result = entryFromValues({ ...good, kind: 'yiimp', url: 'https://pool.example.org', reward: '3.125', coingeckoId: 'raptoreum' });
    expect(result.success && result.entry).toMatchObject({
      source: { kind: 'yiimp', symbol: 'SSC' },
      emission: { schedule: [{ fromHeight: 0, reward: 3.125 }] },
      price: { coingeckoId: 'raptoreum' },
    });
  });

  it('names every bad field with its own message', () => {
    const result = entryFromValues({
      tag: 'x',
      name: '<script>',
      algorithm: 'nope',
      blockTime: '2 minutes',
      kind: 'ftp',
      url: 'http://user:pass@node.example.org',
      coingeckoId: 'Not An Id',
      reward: 'lots',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ['algorithm', 'blockTime', 'coingeckoId', 'kind', 'name', 'reward', 'tag'].sort(),
    );
    expect(result.fieldErrors.blockTime).toBe('must be a number of seconds, e.g. 120');
    expect(result.fieldErrors.reward).toBe('must be a number of coins per block, e.g. 3.125');
    expect(result.fieldErrors.kind).toContain('bitcoin-rpc');
  });

  it('refuses credentials in the URL on the URL field', () => {
    const result = entryFromValues({ ...good, url: 'http://user:pass@node.example.org' });
    expect(!result.success && result.fieldErrors.url).toContain('must not contain a user name or password');
  });

  it('says a block time is required and rejects one longer than a day', () => {
    expect(!entryFromValues({ ...good, blockTime: '' }).success).toBe(true);
    const long = entryFromValues({ ...good, blockTime: '600000' });
    expect(!long.success && long.fieldErrors.blockTime).toContain('at most 86400 seconds');
  });
});

describe('valuesFromForm', () => {
  it('keeps only the known fields, as strings, cut to 500 characters', () => {
    const form = new FormData();
    form.set('tag', 'RTM');
    form.set('url', 'x'.repeat(100_000));
    form.set('other', 'ignored');
    const values = valuesFromForm(form);
    expect(values.tag).toBe('RTM');
    expect(values.url).toHaveLength(500);
    expect(Object.keys(values).sort()).toEqual(['tag', 'url']);
  });
});

describe('checkFailure', () => {
  it('puts each failed check on the field to fix', () => {
    expect(checkFailure(new AddressRefusedError('10.0.0.7', 'private'))).toEqual({
      field: 'url',
      message: 'refused: 10.0.0.7 is a private address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    });
    expect(checkFailure(new UpstreamError('bitcoin-rpc: HTTP 401', 'http', { status: 401 }))).toEqual({
      field: 'url',
      message: 'could not read the source: bitcoin-rpc: HTTP 401',
    });
    expect(checkFailure(new ChainConfigError('environment variable SSC_RPC_AUTH is not set')).field).toBe('authEnv');
  });
});

describe('entryFromValues on arbitrary input', () => {
  it('never throws, and every error names a field of the form', async () => {
    const fc = await import('fast-check');
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '1e309', '-1', 'NaN', '０１２', 'http://127.0.0.1', 'https://a.example/', 'yiimp', 'randomx'),
    );
    const fields = ['tag', 'name', 'algorithm', 'blockTime', 'kind', 'url', 'symbol', 'authEnv', 'coingeckoId', 'reward', 'factsUrl'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), text), (values) => {
        const result = entryFromValues(values);
        if (result.success) {
          expect(Number.isFinite(result.entry.blockTimeSeconds)).toBe(true);
        } else {
          expect(Object.keys(result.fieldErrors).length).toBeGreaterThan(0);
          for (const [field, message] of Object.entries(result.fieldErrors)) {
            expect(fields).toContain(field);
            expect(message).toMatch(/\S/);
          }
        }
      }),
      { numRuns: 10_000 },
    );
  }, 60_000); // 10,000 cases: about 4 s alone, several times that on a loaded 2-core machine
});

describe('entryFromValues with blank required fields', () => {
  it('says what is required instead of judging an empty string', () => {
    const result = entryFromValues({ ...good, algorithm: '', url: '' });
    expect(!result.success && result.fieldErrors).toMatchObject({
      algorithm: 'is required: choose the coin’s mining algorithm',
      url: 'is required: the node’s, explorer’s or pool’s address',
    });
  });
});

describe('credentialsFailure', () => {
  const source = (url: string, authEnv?: string) => {
    const result = entryFromValues({ ...good, url, authEnv: authEnv ?? '' });
    if (!result.success) throw new Error(JSON.stringify(result.fieldErrors));
    return result.entry.source;
  };

  it('refuses credentials on the form with one message for every host and variable (no oracle)', async () => {
    const answers = await Promise.all([
      credentialsFailure(source('http://93.184.216.34:8332', 'SSC_RPC_AUTH')), // public
      credentialsFailure(source('http://127.0.0.1:8332', 'SSC_RPC_AUTH')), // loopback
      credentialsFailure(source('http://10.1.2.3:8332', 'NOT_SET_ANYWHERE_RPC_AUTH')), // private, unset variable
      credentialsFailure(source('http://node.invalid:8332', 'SSC_RPC_AUTH')), // does not resolve
    ]);
    expect(answers).toEqual(Array(4).fill({ field: 'authEnv', message: CREDENTIALS_REFUSED }));
    await expect(credentialsFailure(source('http://93.184.216.34:8332'))).resolves.toBeNull();
  });

  it('never names a variable that does not end in _RPC_AUTH (no DATABASE_URL, no API key)', () => {
    for (const name of ['DATABASE_URL', 'COINGECKO_API_KEY', 'HASHRATENO_API_KEY', 'RPC_AUTH_X']) {
      const result = entryFromValues({ ...good, authEnv: name });
      expect(!result.success && result.fieldErrors.authEnv).toContain('ending in _RPC_AUTH');
    }
  });
});
