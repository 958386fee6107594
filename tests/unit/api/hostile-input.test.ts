import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as getEstimates } from '@/app/api/estimates/route';
import { GET as getExport } from '@/app/api/export/route';
import { ALGORITHM_SLUGS } from '@/lib/mining/algorithms';
import { parseDashboardParams } from '@/lib/url/search-params';

// Every URL and API parameter, fuzzed: the answer is a 200 or a 400 naming the field, never a
// 500, never a hang, never NaN or Infinity in the body.

const KEYS = [
  'dev', 'kwh', 'fee', 'sort', 'dir', 'algo', 'device', 'q', 'per', 'cur', 'coins', 'basis', 'sellable', 'growth', 'days', 'hw', 'range',
  ...ALGORITHM_SLUGS.slice(0, 8).flatMap((slug) => [`hr.${slug}`, `w.${slug}`]),
  'hr.nosuch', 'utm_source',
];

const hostileValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.double().map(String), // NaN, Infinity, -0, 5e-324, 1.7976931348623157e308
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.constantFrom('', ' ', '1e400', '-1', '0x10', '١٢', '１２', '12abc', 'NaN', 'Infinity', '30M', '1.2k', '95G', '200T', 'nvidia-rtx-3070:6', 'RVN,ERG', '<script>'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), hostileValue), { maxLength: 8 })
  .map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) params.append(k, v);
    return params.toString();
  });

/** Every number anywhere in a value is finite (text may say "Infinity": a search for it is fine). */
function allNumbersFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allNumbersFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allNumbersFinite);
  return true;
}

describe('hostile input', () => {
  it('parses any query into a state or named errors, 10,000 cases', () => {
    fc.assert(
      fc.property(query, (q) => {
        const { state, errors } = parseDashboardParams(new URLSearchParams(q));
        for (const e of errors) expect(e.param.length).toBeGreaterThan(0);
        expect(allNumbersFinite(state)).toBe(true);
        for (const h of Object.values(state.hashrates)) expect(Number.isFinite(h) && h > 0).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('answers the estimates API with 200 or a 400 naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await getEstimates(new Request(`http://localhost/api/estimates?${q}`));
        expect([200, 400]).toContain(response.status);
        const text = await response.text();
        // A 400 may quote the caller's own text ("Infinity"); a 200 carries only our numbers.
        if (response.status === 200) expect(text).not.toMatch(/NaN|Infinity/);
        else expect(JSON.parse(text).param).toEqual(expect.any(String));
      }),
      { numRuns: 1500 },
    );
  });

  it('survives a 100 KB query string and repeated params', async () => {
    const long = `q=${'x'.repeat(100_000)}&kwh=0.1&kwh=0.2`;
    const response = await getEstimates(new Request(`http://localhost/api/estimates?${long}`));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.map((e: { param: string }) => e.param).sort()).toEqual(['kwh', 'q']);
    expect((await getExport(new Request(`http://localhost/api/export?${long}`))).status).toBe(400);
  });
});

describe('no SSRF', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('nothing in a request changes where the server connects', async () => {
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (input: string | URL | Request) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return new Response('{}', { status: 500 });
    });
    const hostile = [
      'q=http://169.254.169.254/latest/meta-data',
      'dev=http://127.0.0.1:22',
      'coins=localhost,10.0.0.1',
      'hr.kawpow=30M&url=http://evil.example/',
    ];
    for (const q of hostile) await getEstimates(new Request(`http://localhost/api/estimates?${q}`));
    // With no live source configured (this test's environment), the server makes no request at all.
    expect(seen).toEqual([]);
  });
});
