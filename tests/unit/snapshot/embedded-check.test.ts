// The check table (issue 14): on the embedded snapshot (hashrate.no /v1/coins, 2024-03-16), our
// coins/day for one `coinEstimateUnit` of hashrate, pool fee 0, against hashrate.no's own
// `coinEstimate`. The recording has a daily emission and no block reward, so where D, k and T are
// known ours is H × emission × T / (D × k) (lib/mining/profit.ts), the share of N elsewhere. hashrate.no's figure is only a check: no share here is derived from it.
// Every coin more than 3 % off carries a written reason; the checkable reasons are checked.
// Print the table:  CHECK_TABLE=1 npx vitest run --project unit tests/unit/snapshot/embedded-check.test.ts
import { describe, expect, it } from 'vitest';

import recording from '@/lib/snapshot/embedded/hashrateno-v1_coins-2024-03-16.json';
import { embeddedSnapshot } from '@/lib/snapshot/embedded';
import { estimate } from '@/lib/mining/profit';
import type { Coin } from '@/lib/model/types';

type Row = Record<string, string>;
const ROWS = recording as Row[];
const UNIT: Readonly<Record<string, number>> = { H: 1, Kh: 1e3, Mh: 1e6, Gh: 1e9, Th: 1e12, Sol: 1, Ksol: 1e3, Gp: 1 };
const TOLERANCE = 0.03;

type ReasonCode =
  /** hashrate.no's estimate follows its reported networkHashrate ((H / N) × emission) while ours follows the difficulty at the cited T and k: the gap equals D × k / (N × T) within 3 %, checked below. */
  | 'their-network-basis'
  /** No cited split for the coin: hashrate.no credits the miner less than the whole block (or reads its difficulty otherwise); the page says "reward split not verified". */
  | 'no-verified-split'
  /** hashrate.no's figure departs from its own networkHashrate × emission (× the cited share); its block time and difficulty convention for the coin are not cited here, so the gap cannot be checked. */
  | 'unchecked-basis'
  /** A cited split applies, but hashrate.no's own emission disagrees with the chain's schedule. */
  | 'their-emission'
  /** The upstream row is broken (no network hashrate, or an estimate off by orders of magnitude). */
  | 'broken-row'
  /**
   * hashrate.no's estimate follows its difficulty at a round block time T and work factor k that are
   * written next to the coin (T or k is not in the coin's figures: not cited in lib/mining, or set
   * aside by the difficulty-mismatch flag, as for OBN and NET): the gap equals N × T / (D × k)
   * within 0.5 %, checked below. No split is assumed for these (OBN's cited split is the whole block).
   */
  | 'their-difficulty-basis-at';

type Reason = readonly [ReasonCode, string] | readonly ['their-difficulty-basis-at', string, { t: number; k: number }];

const split = (note: string): Reason => ['no-verified-split', `hashrate.no credits the miner ${note} of the block`];
const unchecked = (note: string): Reason => ['unchecked-basis', note];
const POW2_32 = 2 ** 32;
/** hashrate.no's difficulty basis at block time t (seconds) and work factor k, with the gap it explains. */
const basisAt = (gap: string, t: number, k: number): Reason => [
  'their-difficulty-basis-at',
  `${gap}: equals N × ${t} s / (D × ${k === POW2_32 ? '2^32' : k}); hashrate.no estimates from D at that block time`,
  { t, k },
];

/** The reason per coin still more than 3 % off, written next to it. */
const REASONS: Readonly<Record<string, Reason>> = {
  // hashrate.no follows its own networkHashrate for these (ours: the difficulty at the cited T and k).
  BTC: ['their-network-basis', '+14.3 %: D × 2^32 / (N × 600 s) = 1.1429, i.e. their N is D × 2^32 / 525 s'],
  ETC: ['their-network-basis', '+3.6 %: D × 1 / (N × 13 s) = 1.0365'],
  XMR: ['their-network-basis', '+3.5 %: D × 1 / (N × 120 s) = 1.0351'],
  FIRO: ['their-emission', 'emission 900/day is half of 288 blocks × 6.25 FIRO, and networkHashrate is 2.6× D × 2^32 / 300 s; 25 % to the miner (Firo forum, 2022-05 split)'],
  ZEC: ['their-emission', 'emission 3,100.78/day is neither 1,152 × 3.125 = 3,600 nor its 80 % (2,880); networkHashrate is 12 % above D × 8192 / 75 s'],
  DOGETHER: ['broken-row', 'networkHashrate 507 TH/s against difficulty 6.08e12: an estimate 1,084× ours'],
  ETI: ['broken-row', 'networkHashrate 0: no estimate possible'],
  // GhostRider coins (difficulty rounded to 0 or 1 in the row, so only the share of network applies):
  BBC: unchecked('+22.7 % with the cited 75 % (2022 chainparams: 20 % smartnodes, 5 % founder); hashrate.no credits 92 %, difficulty rounded to 0 in the row'),
  FSC: unchecked('−7.3 % with the cited 35 % (chainparams: 45 % smartnodes, 20 % founder); difficulty rounded to 0 in the row'),
  GPRX: unchecked('+4.1 % with the cited 30 % (chainparams: 55 % smartnodes, 15 % founder); difficulty rounded to 0 in the row'),
  MAXE: unchecked('+5.6 % with the cited 35 % (chainparams: 55 % smartnodes, 10 % founder); difficulty rounded to 0 in the row'),
  NIKI: split('18.5 %'),
  RTC: split('68 %'),
  VARSE: split('38 %'),
  RTM: unchecked('+46.6 % with the cited 75 % (chainparams: 20 % smartnodes, 5 % founder); difficulty rounded to 1 in the row, and hashrate.no credits more than the whole block'),
  // Round shares that look like splits, not cited here:
  FLUX: unchecked('+80.0 % with the cited 50 % (fluxd: 50 % to FluxNodes since the Flux upgrade); hashrate.no credits exactly 90 % of its emission (27,000 FLUX/day), which the chain code does not explain'),
  BLOCX: unchecked('−6.4 % with the cited 47 % (validation.cpp: 5 % superblocks, 48/95 of the rest to masternodes) at the cited 90 s (coin-facts.ts) and X11’s 2^32: their estimate is H × 86,400 × 66 / (D × 2^32), 66 of the 150 BLOCX block (44 %) where the split leaves the miner 70.5; 0.44 / 0.47 = 0.9362'),
  URSA: ['no-verified-split', '−67.1 %: their estimate is H × 86,400 × 1,000 / (D × 2^32) (1,000 URSA a block at k = 2^32) and their emission, 1,800,000 a day, is 1,800 such blocks (48 s each), while D × 2^32 / their N is 146 s; Ursula’s block time, k and split are not cited (no source found)'],
  // AVN: 5 % to the founder from block 1,121,001 is cited (Avian chainparams), but its date is not known
  // here (the split applies by date from 2025-11-09) and the recording has no height: not verified on
  // 2024-03-16. Two algorithms (X16RT and MinotaurX) share the blocks, and the emission counts both.
  AVN: split('28.6 % (the cited 5 % founder fee starts at a height whose date is not known here; X16RT and MinotaurX share the blocks)'),
  NET: basisAt('−50.8 %; block time 300 s cited (coin-facts.ts), and D × 2^32 / 300 s is 2.03× their N, so the coin is flagged D ≠ N and ours uses their N', 300, POW2_32),
  EVOX: basisAt('−50.7 %; ProgPowZ with PoS blocks, T and k not cited, and D / 60 s would be 2.03× their N (flagged D ≠ N as NET is)', 60, 1),
  OCV: unchecked('−55.0 % with the cited 100 % (one coinbase output, node/miner.cpp); difficulty rounded to 2 in the row, OCV2 k not cited'),
  // CRNC: the PoW block is all the miner's (miner.cpp, cited); the difficulty is rounded to 0 in the row, so the share of their N.
  CRNC: unchecked('−55.5 % with the cited 100 % (one PoW coinbase output, miner.cpp): their emission 172,800 a day = 4,320 blocks × 40 CRNC counts the Hive-mined blocks too, which pay bee owners (chainparams hiveBlockSpacingTarget 4, “1 out of this many blocks should be Hivemined”; the README says 50 % PoW / 50 % Hive since Hive 1.2), so a PoW miner’s part of it is not cited here'),
  OBN: basisAt('−41.5 %, all the block the miner’s (miner.cpp); block time 72 s in chainparams, and D × 2^32 / 72 s is 1.7× their N, so the coin is flagged D ≠ N', 72, POW2_32),
  ABEL: unchecked('−32.7 % with the cited 100 % (one coinbase output, mining/mining.go): their estimate is H × 86,400 × 256 / (D × 2^32), the 256 ABEL subsidy at k = 2^32, where Abelian’s difficulty 1 is PowLimitBits 0x1d017c38, k = 2^48 / 0x017c38 = 0.6733 × 2^32 (coin-facts.ts); ours, the share of their N, equals H × 86,400 × 256 / (D × k)'),
  HYPRA: basisAt('−14.5 %; block time not cited (a geth difficulty formula has no explicit target; no official figure found)', 7, 1),
  XPB: basisAt('−13.5 % (emission is already the miner’s part: difficulty-conventions.ts); block time not cited (go-PowBlocks keeps geth’s difficulty formula, no explicit target)', 12, 1),
  LRS: basisAt('−13.0 %; block time not cited: docs.larissa.network gives “an average target of 8-15 seconds”, no single figure', 12, 1),
  // VRSC: T 60 s and k = 2^24 / 0x0f0f0f (powLimit, GetDifficultyINTERNAL) cited in coin-facts.ts; the share of their N gave −5.0 %.
  VRSC: unchecked('+6.25 % at the cited 60 s and k = 17.000001: their estimate is H × 86,400 × 6 / (D × 16), i.e. difficulty 1 taken as 16 hashes where Verus’s powLimit 0x0f0f0f… makes it 17 (17 / 16 = 1.0625); split not verified'),
  // EGAZ: Etica's core-geth EticaChainConfig (params/config_etica.go at 21307a44) has ETIP1017FBlock 0, "fixed 2 EGAZ per
  // block reward", and EIP100FBlock 0 (Byzantium's difficulty rule, no explicit target).
  EGAZ: basisAt('+10.5 %; block time not cited (Etica core-geth keeps the Byzantium difficulty rule, no explicit target); their emission, 13,292.3 a day, is 6,646 blocks of the fixed 2 EGAZ, i.e. 13 s', 13, 1),
  // CFX: T 0.5 s and k 1 cited (coin-facts.ts, conflux-rust), so ours is on the difficulty basis (the share of their N gave +4.8 %).
  CFX: unchecked('+3.2 % at the cited 0.5 s and k = 1: their estimate is H × 86,400 × 1.008 / D, about one CFX a block, while their emission (168,819.5 a day) is 0.977 CFX per 0.5 s block; the PoW base reward is set by on-chain vote (CIP-94), not cited here'),
};

type Check = { coin: Coin; row: Row; ours: number | null; theirs: number; ratio: number | null };

function checks(): Check[] {
  return embeddedSnapshot().coins.map((coin) => {
    const row = ROWS.find((r) => r.coin === coin.tag)!;
    const hashrate = UNIT[row.coinEstimateUnit ?? ''] ?? Number.NaN;
    const ours = estimate(coin, { hashrate, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).coinsPerDay;
    const theirs = Number(row.coinEstimate);
    return { coin, row, ours, theirs, ratio: ours !== null && ours > 0 ? theirs / ours : null };
  });
}

const off = (c: Check) => c.ratio === null || Math.abs(c.ratio - 1) > TOLERANCE;

describe('check table: our coins/day against hashrate.no coinEstimate (embedded snapshot)', () => {
  const table = checks();
  const within = table.filter((c) => !off(c));

  if (process.env.CHECK_TABLE) {
    const lines = table.map((c) => {
      const [code, note] = REASONS[c.coin.tag] ?? ['', ''];
      const share = c.coin.minerShare === null ? 'not verified' : `${(c.coin.minerShare * 100).toFixed(0)} %`;
      return `${c.coin.tag.padEnd(9)} ${c.ratio === null ? '   —  ' : c.ratio.toFixed(4)}  miner ${share.padEnd(13)} ${code} ${note}`;
    });
    console.log(`${within.length} of ${table.length} within ${TOLERANCE * 100} %\n${lines.join('\n')}`);
  }

  it('covers every coin of the recording that has an estimate unit (97 rows)', () => {
    expect(table).toHaveLength(97);
    expect(table.every((c) => Number.isFinite(c.theirs))).toBe(true);
  });

  it('every coin more than 3 % off has a written reason, and no reason is left on a coin within 3 %', () => {
    const missing = table.filter((c) => off(c) && !REASONS[c.coin.tag]).map((c) => `${c.coin.tag} ${c.ratio}`);
    const stale = table.filter((c) => !off(c) && REASONS[c.coin.tag]).map((c) => `${c.coin.tag} ${c.ratio}`);
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  });

  it("'their-network-basis' is checked: the gap equals D × k / (N × T) at the coin's T and k within 3 %", () => {
    // BTC: 83,947,913,181,361 × 2^32 / (525,807,248,285,000,007,680 × 600) = 1.142857, the ratio itself.
    const network = table.filter((t) => REASONS[t.coin.tag]?.[0] === 'their-network-basis');
    expect(network.map((c) => c.coin.tag)).toEqual(['BTC', 'ETC', 'XMR']);
    for (const c of network) {
      const { networkHashrate: n, blockTimeSeconds: t, difficulty: d, workFactor: k } = c.coin;
      expect(n !== null && t !== null && d !== null && k !== null, c.coin.tag).toBe(true);
      const expected = (d! * k!) / (n! * t!);
      expect(Math.abs(c.ratio! / expected - 1), c.coin.tag).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('the difficulty basis brings in the coins whose reported N differs from D × k / T', () => {
    // RVN: hashrate.no's N is 10.7 % above D × 2^32 / 60 s; 1e6 × 3,600,000 × 60 / (85,166 × 2^32)
    // = 0.590511 RVN/day against their 0.590513 (the share of their N gave 0.533533, 9.7 % below).
    const tags = ['DGB-SHA', 'DINGO', 'DINT', 'DOGE', 'ERG', 'KCN', 'NEOX', 'RVN', 'RXD', 'SKYDOGE', 'VTC', 'XNA'];
    for (const tag of tags) {
      const c = table.find((t) => t.coin.tag === tag)!;
      const { networkHashrate: n, blockTimeSeconds: t, difficulty: d, workFactor: k } = c.coin;
      expect(estimate(c.coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).basis, tag).toBe('difficulty');
      // Their N differs from D × k / T by more than 3 % (so the share of N was off), and ours is within 3 %.
      expect(Math.abs((n! * t!) / (d! * k!) - 1), tag).toBeGreaterThan(TOLERANCE);
      expect(Math.abs(c.ratio! - 1), tag).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(table.find((c) => c.coin.tag === 'RVN')!.ratio!).toBeCloseTo(1.0000046, 6);
  });

  it('cited block times (and k) bring in the coins hashrate.no estimated from D at that T', () => {
    // NOVO, 1 MH/s: 1e6 × 288,000,000 × 150 / (83,130 × 2^32) = 120.9946 NOVO/day against their
    // 120.9949 (the share of their N gave 96.4502, 20.3 % below). T and k cited in lib/mining/coin-facts.ts.
    const cited: ReadonlyArray<readonly [string, number, number]> = [
      ['GPN', 60, POW2_32],
      ['PAPRY', 60, POW2_32],
      ['SATOX', 60, POW2_32],
      ['KIIRO', 150, POW2_32],
      ['NEXA', 120, POW2_32],
      ['NOVO', 150, POW2_32],
      ['BTN', 15, 1],
      ['OCTA', 15, 1],
      ['NIR', 60, 1],
    ];
    for (const [tag, t, k] of cited) {
      const c = table.find((row) => row.coin.tag === tag)!;
      expect([c.coin.blockTimeSeconds, c.coin.workFactor], tag).toEqual([t, k]);
      expect(estimate(c.coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).basis, tag).toBe('difficulty');
      expect(Math.abs(c.ratio! - 1), tag).toBeLessThanOrEqual(0.005);
    }
    expect(table.find((c) => c.coin.tag === 'NOVO')!.ratio!).toBeCloseTo(1, 3);
  });

  it('CFX is estimated at the cited 0.5 s and k = 1 (conflux-rust), 3.2 % below hashrate.no', () => {
    // 1e6 × 168,819.532 × 0.5 / (3,074,549,551,328 × 1) = 0.0274544 CFX/day against their 0.0283374:
    // 1.0322 (the share of their N, 1e6 / 6,241,388,090,273 × 168,819.532 = 0.0270484, gave 1.0477).
    const c = table.find((t) => t.coin.tag === 'CFX')!;
    expect([c.coin.blockTimeSeconds, c.coin.workFactor]).toEqual([0.5, 1]);
    expect(estimate(c.coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).basis).toBe('difficulty');
    expect(c.ours!).toBeCloseTo(0.0274544, 6);
    expect(c.ratio!).toBeCloseTo(1.0322, 4);
  });

  it('VRSC is estimated at the cited 60 s and k = 2^24 / 0x0f0f0f (Verus powLimit): 17 / 16 of hashrate.no', () => {
    // 1e6 × 8,640 × 60 / (3,306,183,129,682 × 17.000001) = 0.00922336 VRSC/day against their 0.00979982,
    // which is 1e6 × 86,400 × 6 / (3,306,183,129,682 × 16): 1.0625 (the share of their N gave 0.9499).
    const c = table.find((t) => t.coin.tag === 'VRSC')!;
    expect(c.coin.blockTimeSeconds).toBe(60);
    expect(c.coin.workFactor!).toBeCloseTo(17.000001, 6);
    expect(c.coin.flags.map((f) => f.code)).not.toContain('difficulty-mismatch');
    expect(estimate(c.coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).basis).toBe('difficulty');
    expect(c.ours!).toBeCloseTo(0.00922336, 8);
    expect(c.ratio!).toBeCloseTo(17 / 16, 4);
  });

  it('BLOCX is estimated at the cited 90 s and 47 % on the difficulty basis, 6.4 % above hashrate.no', () => {
    // 1e9 × 144,000 × 90 / (40,735,545 × 2^32) × 0.47 = 0.0348152 BLOCX/day against their 0.0325930:
    // 0.9362 = 0.44 / 0.47 (the share of their N at the whole block gave 0.3294, at 47 % 0.7008).
    const c = table.find((t) => t.coin.tag === 'BLOCX')!;
    expect([c.coin.blockTimeSeconds, c.coin.workFactor, c.coin.minerShare]).toEqual([90, POW2_32, 0.47]);
    expect(estimate(c.coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).basis).toBe('difficulty');
    expect(c.ours!).toBeCloseTo(0.0348152, 6);
    expect(c.ratio!).toBeCloseTo(0.44 / 0.47, 4);
  });

  it("ABEL's gap is hashrate.no's k: 2^32 against Abelian's 2^48 / 0x017c38 (PowLimitBits 0x1d017c38)", () => {
    // Ours, 1e6 / 2,969,000,000,000 × 55,973.843 = 0.0188528 ABEL/day, is 1e6 × 86,400 × 256 / (405,714 ×
    // 2,891,786,972) = 0.0188524 within 0.01 %; theirs, 0.0126933, is 1e6 × 86,400 × 256 / (405,714 × 2^32).
    const c = table.find((t) => t.coin.tag === 'ABEL')!;
    const k = c.coin.workFactor!;
    expect(k).toBeCloseTo(2_891_786_972, 0);
    expect(estimate(c.coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).basis).toBe('emission');
    expect(Math.abs(c.ours! / ((1e6 * 86_400 * 256) / (c.coin.difficulty! * k)) - 1)).toBeLessThan(1e-4);
    expect(Math.abs(c.ratio! / (k / POW2_32) - 1)).toBeLessThan(1e-4);
  });

  it("URSA's hashrate.no estimate is 1,000 URSA a block at D and k = 2^32 (the reason's figures)", () => {
    // 1e6 × 86,400 × 1,000 / (31,316 × 2^32) = 0.642374 against their 0.642377; 1,800,000 / 1,000 = 1,800 blocks = 48 s.
    const c = table.find((t) => t.coin.tag === 'URSA')!;
    expect(c.theirs / ((1e6 * 86_400 * 1000) / (Number(c.row.networkDifficulty) * POW2_32))).toBeCloseTo(1, 4);
    expect(86_400 / (Number(c.row.emission) / 1000)).toBe(48);
  });

  it('a coin flagged D ≠ N keeps the share of its reported N, even with T cited (OBN 72 s, NET 300 s)', () => {
    // NET: D × 2^32 / 300 s = 6,165,161 × 4,294,967,296 / 300 = 8.826e13 H/s against their N 4.341e13: 2.03×.
    for (const tag of ['OBN', 'NET']) {
      const c = table.find((t) => t.coin.tag === tag)!;
      expect(c.coin.flags.map((f) => f.code), tag).toContain('difficulty-mismatch');
      expect(c.coin.workFactor, tag).toBeNull();
      expect(estimate(c.coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).basis, tag).toBe('emission');
    }
  });

  it("'their-difficulty-basis-at' is checked: the gap equals N × T / (D × k) at the written T and k within 0.5 %", () => {
    // DINGO: 23,501,396,237,592 × 60 / (400,622 × 2^32) = 0.8195, the ratio itself.
    const at = table.filter((t) => REASONS[t.coin.tag]?.[0] === 'their-difficulty-basis-at');
    expect(at.length).toBe(7);
    for (const c of at) {
      const reason = REASONS[c.coin.tag]!;
      const { t, k } = reason[2] as { t: number; k: number };
      const n = Number(c.row.networkHashrate);
      const d = Number(c.row.networkDifficulty);
      expect(Math.abs(c.ratio! / ((n * t) / (d * k)) - 1), c.coin.tag).toBeLessThanOrEqual(0.005);
    }
  });

  it('cited splits bring coins within 3 %: MEWC 60 %, AIPG 95 %, VLC 90 % (Ravencoin-fork chainparams)', () => {
    // VLC: hashrate.no's ratio to the whole emission is exactly 0.9000; with the 90 % share, 1.0000.
    const ratio = (tag: string) => table.find((c) => c.coin.tag === tag)!.ratio!;
    expect(ratio('VLC')).toBeCloseTo(1, 3);
    // MEWC (T 60 s, k 2^32, so the difficulty basis) 0.6001 / 0.60 = 1.0002; AIPG (no T: share of N)
    // 0.9387 / 0.95 = 0.9881 (the rest: their difficulty basis).
    expect(ratio('MEWC')).toBeCloseTo(1.0002, 3);
    expect(ratio('AIPG')).toBeCloseTo(0.9881, 3);
    // EVR (Evrmore src/minerdevfund.cpp, 10 % to the dev fund): 0.8827 / 0.90 = 0.9808.
    expect(ratio('EVR')).toBeCloseTo(0.9808, 3);
    // AVS (Aves consensus.go, 5 % to a fund address): 0.9500 / 0.95 = 1.0000.
    expect(ratio('AVS')).toBeCloseTo(1, 3);
    // GhostRider forks (Raptoreum chainparams: smartnode and founder percentages), difficulty 0 in the
    // row so both sides use the share of the network: SKYT 0.2972 / 0.30 = 0.9906; RHX 0.2867 / 0.29
    // = 0.9888; MECU 0.3045 / 0.30 = 1.0151; SUBI 0.2966 / 0.30 = 0.9886.
    expect(ratio('SKYT')).toBeCloseTo(0.9906, 3);
    expect(ratio('RHX')).toBeCloseTo(0.9888, 3);
    expect(ratio('MECU')).toBeCloseTo(1.0151, 3);
    expect(ratio('SUBI')).toBeCloseTo(0.9886, 3);
    // GLINK (Gemlink main.cpp since Morag: 50 % masternode, 20 % developers): 0.3000 / 0.30 = 1.0000.
    expect(ratio('GLINK')).toBeCloseTo(1, 3);
    // PEPEW (PePe-core from block 1,065,650, 2024-01-30: 250 of 5,000 to the foundation, 35 % of the
    // remaining 4,750 to the masternode): miner 3,087.5 / 5,000 = 61.75 %. No T: the share of N,
    // 1e6 / 17,265,526,128 × 21,600,000 = 1,251.0479 whole; × 0.6175 = 772.5221 PEPEW/day against
    // their 752.0592: 0.9735 (the whole block gave 0.6011).
    expect(ratio('PEPEW')).toBeCloseTo(0.9735, 3);
  });

  it('the cited split applies once on the difficulty basis (CLORE at 50 %)', () => {
    const clore = table.find((c) => c.coin.tag === 'CLORE')!;
    // 1e6 × 648,000 × 60 / (67,256 × 2^32) × 0.5 = 0.0672984970 CLORE/day; theirs 0.0672984836: ratio 0.9999998.
    expect(clore.coin.minerShare).toBe(0.5);
    expect(clore.ratio!).toBeCloseTo(1, 6);
  });

  it('holds the count within 3 % (66 of 97 at this commit; raise it as facts are cited)', () => {
    expect(within.length).toBeGreaterThanOrEqual(66);
  });
});
