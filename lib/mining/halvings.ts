// Known changes to the miners' block reward (halvings, eras, emission steps), as data with the
// source each figure comes from. Dates of future changes are estimates from block heights and
// target block times; `estimated` says which. `factor` is new miner reward / old miner reward,
// which is what scales a rig's coins per day. Pure data and date arithmetic: no clock, no I/O.

/** One change at a known (or estimated) date. */
export type ScheduledRewardChange = {
  /** UTC day of the change, YYYY-MM-DD. */
  date: string;
  /** True when the date is projected from block times rather than observed. */
  estimated: boolean;
  /** Block height at which the change takes effect, where the protocol defines one. */
  block?: number;
  factor: number;
  note: string;
  source: string;
};

/** A change that repeats: the k-th (k = 1…occurrences) falls on start + k × periodDays. */
export type RecurringRewardChange = {
  /** UTC day the schedule counts from (itself not a change). */
  start: string;
  periodDays: number;
  factor: number;
  occurrences: number;
  /** Whether the dates are projected (true for every block-count schedule). */
  estimated: boolean;
  note: string;
  source: string;
};

export type RewardSchedule = {
  tag: string;
  summary: string;
  changes: readonly ScheduledRewardChange[];
  recurring: readonly RecurringRewardChange[];
};

export type UpcomingRewardChange = {
  /** Whole days from `fromIso` (rounded up), ≥ 1. */
  day: number;
  factor: number;
  date: string;
  source: string;
  estimated: boolean;
  note: string;
};

import { DAY_MS, SECONDS_PER_DAY } from './time';
/** Days for `blocks` blocks of `seconds` each. */
const blockDays = (blocks: number, seconds: number) => (blocks * seconds) / SECONDS_PER_DAY;

const SRC = {
  btcCode:
    'bitcoin/bitcoin src/kernel/chainparams.cpp (consensus.nSubsidyHalvingInterval = 210000; 600 s target spacing)',
  btc840k:
    'Block 840,000 mined 2024-04-20 00:09 UTC, reward 6.25 → 3.125 BTC: https://www.forbesindia.com/article/cryptocurrency/bitcoins-fourth-halving-completed-coinciding-with-a-surge-in-transaction-fees/92685/1',
  ltc:
    "litecoinpool.org, \"Litecoin's Third Block Reward Halving\", 2023-08-02: 12.5 → 6.25 LTC, every 840,000 blocks: https://www.litecoinpool.org/news?id=90",
  rvn:
    'ravencoin.org/halving: reward halves every 2,100,000 blocks (≈ 1458 days at 1-minute blocks), 5,000 → 2,500 RVN at block 2,100,000: https://ravencoin.org/halving/',
  kas:
    'kaspanet/rusty-kaspa consensus/src/processes/coinbase.rs (SECONDS_PER_MONTH = 2629800; SUBSIDY_BY_MONTH_TABLE from 440 KAS, ×(1/2)^(1/12) a month) and consensus/core/src/config/params.rs (deflationary_phase_daa_score); chromatic phase from 2022-05-08: https://kaspa.org/tokenomics-emission-and-mining/',
  erg:
    'Ergo emission contract: reward = 75 − 3 × ((height − 525,600) / 64,800 + 1) ERG from block 655,200 (https://www.ergoforum.org/t/ergo-emission-details-retargeting-via-a-soft-fork/2778/2); EIP-27 from block 777,217: 12 ERG of each reward ≥ 15 ERG goes to re-emission, miners keep 3 ERG below that (https://github.com/ergoplatform/eips/blob/master/eip-0027.md); block 655,200 on 2022-01-02 (Ergo blog, 2022-01-04: https://old.ergoplatform.com/pt/blog/2022-01-04-ergo-mining-rewards-the-first-drop-in-emission); EIP-27 live as of 2022-06-22 (r/erg_miners FAQ)',
  zecNu6:
    'ZIP 253, NU6 deployment (activation height 2,726,400, the second halving: 3.125 → 1.5625 ZEC; miners keep 80 %): https://zips.z.cash/zip-0253',
  zecInterval: 'Zcash protocol spec: post-Blossom halving interval 1,680,000 blocks at 75 s (https://zips.z.cash/protocol/protocol.pdf)',
  fluxHalving:
    'Flux Official, "The Flux Halving Just Happened!", 2023-02-09: block 1,313,200, 75 → 37.5 FLUX; halvings every 655,350 blocks: https://fluxofficial.medium.com/the-flux-halving-just-happened-b4a11cbf7fed',
  fluxPon:
    'fluxd v9.0.0 release notes: PoUW v2 / Proof of Nodes at block 2,020,000, "Traditional PoW mining is no longer used": https://github.com/RunOnFlux/fluxd/releases/tag/v9.0.0 (as mirrored at https://newreleases.io/project/github/RunOnFlux/fluxd/release/v9.0.0); https://runonflux.com/flux-pouw-2',
  doge: 'dogecoin/dogecoin doc/FAQ.md: "Starting with the 600,000th block, a permanent reward of 10,000 Dogecoin per block"',
  etc:
    'ECIP-1017 (5M20): reward −20 % every 5,000,000 blocks; era 4 (2.56 ETC) from block 15,000,001 on 2022-04-26 (https://ethereumclassicwallet.com/articles/ethereum-classic-fifthening), era 5 (2.048 ETC) from 20,000,001 projected for 2024-05-25: https://ethereumclassic.org/news/monetary-policy-fixed, https://ledgerlife.io/ethereum-classics-fifth-era-approaches-the-implications-of-the-upcoming-fifthening-in-2024/',
} as const;

/**
 * Ergo's miner reward steps, from the emission formula and EIP-27: the emission R drops 3 ERG every
 * 64,800 blocks; after block 777,217 miners keep R − 12 while R ≥ 15, then a flat 3 ERG (also paid by
 * re-emission after emission ends at block 2,080,800, until about 2045). Dates count 90 days per
 * 64,800 blocks from block 655,200 on 2022-01-02; blocks have run a little slower than 2 min.
 */
function ergoChanges(): ScheduledRewardChange[] {
  const anchor = Date.parse('2022-01-02');
  const emission = (epoch: number) => 75 - 3 * epoch;
  const minerAfterEip27 = (epoch: number) => (emission(epoch) >= 15 ? emission(epoch) - 12 : 3);
  const dateOf = (epoch: number) => utcDay(anchor + (epoch - 3) * 90 * DAY_MS);
  const changes: ScheduledRewardChange[] = [
    {
      date: '2022-01-02',
      estimated: false,
      block: 655_200,
      factor: 66 / 67.5,
      note: 'First cut to miners: 67.5 → 66 ERG.',
      source: SRC.erg,
    },
    {
      date: dateOf(4),
      estimated: true,
      block: 720_000,
      factor: 63 / 66,
      note: '66 → 63 ERG.',
      source: SRC.erg,
    },
    {
      date: '2022-06-22',
      estimated: true,
      block: 777_217,
      factor: 51 / 63,
      note: 'EIP-27 activation: 12 ERG of each block to re-emission, miners 63 → 51 ERG.',
      source: SRC.erg,
    },
  ];
  for (let epoch = 5; minerAfterEip27(epoch - 1) > 3; epoch++) {
    const before = minerAfterEip27(epoch - 1);
    const after = minerAfterEip27(epoch);
    changes.push({
      date: dateOf(epoch),
      estimated: true,
      block: 525_600 + (epoch - 1) * 64_800,
      factor: after / before,
      note: `Emission ${emission(epoch - 1)} → ${emission(epoch)} ERG; miners ${before} → ${after} ERG.${after === 3 ? ' Miners keep a flat 3 ERG from here.' : ''}`,
      source: SRC.erg,
    });
  }
  return changes;
}

const halvingEvery = (
  start: string,
  periodDays: number,
  occurrences: number,
  note: string,
  source: string,
): RecurringRewardChange => ({ start, periodDays, factor: 0.5, occurrences, estimated: true, note, source });

export const REWARD_SCHEDULES: Readonly<Record<string, RewardSchedule>> = {
  BTC: {
    tag: 'BTC',
    summary: 'Halving every 210,000 blocks (about four years).',
    changes: [
      { date: '2024-04-20', estimated: false, block: 840_000, factor: 0.5, note: '6.25 → 3.125 BTC.', source: SRC.btc840k },
    ],
    recurring: [
      halvingEvery('2024-04-20', blockDays(210_000, 600), 10, 'Next at block 1,050,000 (~2028-04); dates assume 10-minute blocks.', SRC.btcCode),
    ],
  },
  LTC: {
    tag: 'LTC',
    summary: 'Halving every 840,000 blocks (about four years).',
    changes: [
      { date: '2023-08-02', estimated: false, block: 2_520_000, factor: 0.5, note: '12.5 → 6.25 LTC.', source: SRC.ltc },
    ],
    recurring: [
      halvingEvery('2023-08-02', blockDays(840_000, 150), 10, 'Next at block 3,360,000 (~2027-07); dates assume 2.5-minute blocks.', SRC.ltc),
    ],
  },
  RVN: {
    tag: 'RVN',
    summary: 'Halving every 2,100,000 blocks (about four years).',
    changes: [
      // The date is from secondary reports (tokenradar.ai, others): 2022-01-11.
      { date: '2022-01-11', estimated: false, block: 2_100_000, factor: 0.5, note: '5,000 → 2,500 RVN.', source: SRC.rvn },
    ],
    recurring: [
      halvingEvery('2022-01-11', blockDays(2_100_000, 60), 10, 'Next at block 4,200,000 (~2026-01); dates assume 1-minute blocks.', SRC.rvn),
    ],
  },
  KAS: {
    tag: 'KAS',
    summary: 'Chromatic emission: the reward per second falls by (1/2)^(1/12) every month (365.25/12 days), halving each year.',
    changes: [],
    recurring: [
      {
        start: '2022-05-08',
        periodDays: 2_629_800 / SECONDS_PER_DAY,
        factor: 0.5 ** (1 / 12),
        occurrences: 424,
        estimated: true,
        note:
          'Monthly step by DAA score, which runs a little behind the calendar. Crescendo (2025-05-05) cut the per-block reward ×1/10 with 10× the blocks: coins per day unchanged, so it is no change here.',
        source: SRC.kas,
      },
    ],
  },
  ERG: {
    tag: 'ERG',
    summary:
      'Emission falls 3 ERG every 64,800 blocks (~90 days) after block 525,600; with EIP-27 miners keep R − 12 ERG, and a flat 3 ERG once R < 15.',
    changes: ergoChanges(),
    recurring: [],
  },
  ZEC: {
    tag: 'ZEC',
    summary: 'Halving every 1,680,000 blocks (about four years at 75 s); miners keep 80 % of the subsidy.',
    changes: [
      {
        date: '2024-11-23',
        estimated: true,
        block: 2_726_400,
        factor: 0.5,
        note: 'Second halving with NU6: 3.125 → 1.5625 ZEC (date within a day).',
        source: SRC.zecNu6,
      },
    ],
    recurring: [
      halvingEvery('2024-11-23', blockDays(1_680_000, 75), 10, 'Next at block 4,406,400 (~2028-11); dates assume 75-second blocks.', SRC.zecInterval),
    ],
  },
  FLUX: {
    tag: 'FLUX',
    summary:
      'Halving every 655,350 blocks until PoW mining ended at block 2,020,000 (PoUW v2, Proof of Nodes): no GPU reward after that.',
    changes: [
      { date: '2023-02-08', estimated: false, block: 1_313_200, factor: 0.5, note: '75 → 37.5 FLUX per block.', source: SRC.fluxHalving },
      {
        date: utcDay(Date.parse('2023-02-08') + blockDays(655_350, 120) * DAY_MS),
        estimated: true,
        block: 1_968_550,
        factor: 0.5,
        note: 'Third halving, 655,350 blocks after the second; date assumes 2-minute blocks.',
        source: SRC.fluxHalving,
      },
      {
        date: utcDay(Date.parse('2023-02-08') + blockDays(2_020_000 - 1_313_200, 120) * DAY_MS),
        estimated: true,
        block: 2_020_000,
        factor: 0,
        note: 'PoUW v2 fork: FluxNodes produce blocks, PoW mining earns nothing; date assumes 2-minute blocks.',
        source: SRC.fluxPon,
      },
    ],
    recurring: [],
  },
  DOGE: {
    tag: 'DOGE',
    summary: 'No halvings: a fixed 10,000 DOGE per block since block 600,000 (2015).',
    changes: [],
    recurring: [],
  },
  ETC: {
    tag: 'ETC',
    summary: 'ECIP-1017 "5M20": the block reward falls 20 % every 5,000,000 blocks.',
    changes: [
      { date: '2022-04-26', estimated: false, block: 15_000_001, factor: 0.8, note: 'Era 4: 3.2 → 2.56 ETC.', source: SRC.etc },
      { date: '2024-05-25', estimated: true, block: 20_000_001, factor: 0.8, note: 'Era 5: 2.56 → 2.048 ETC (projected date).', source: SRC.etc },
    ],
    recurring: [
      {
        start: '2024-05-25',
        periodDays: blockDays(5_000_000, 13.9),
        factor: 0.8,
        occurrences: 10,
        estimated: true,
        note: 'Era 6 at block 25,000,001 (~2026-08) and on; dates assume 13.9-second blocks (the 2024 average).',
        source: SRC.etc,
      },
    ],
  },
};

/** The tag's schedule, or undefined when we know none. DOGE has a schedule with no changes. */
export function getRewardSchedule(tag: string): RewardSchedule | undefined {
  return REWARD_SCHEDULES[tag.toUpperCase()];
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Reward changes strictly after `fromIso` and at most `days` days later, recurring ones expanded,
 * sorted by day. `day` counts whole days from `fromIso` rounded up (a change on the day after a
 * date-only `fromIso` is day 1), ready for projectCumulativeProfit. Dates are UTC days; give
 * `fromIso` as a date or with an offset (a time without one is read as local time).
 * Unknown tags, unparsable dates and days that are not finite or < 0 give an empty list.
 */
export function upcomingRewardChanges(tag: string, fromIso: string, days: number): UpcomingRewardChange[] {
  const schedule = getRewardSchedule(tag);
  const from = Date.parse(fromIso);
  if (!schedule || !Number.isFinite(from) || !Number.isFinite(days) || days < 0) return [];
  const until = from + days * DAY_MS;
  const out: UpcomingRewardChange[] = [];

  const consider = (date: string, change: { factor: number; source: string; estimated: boolean; note: string }) => {
    const at = Date.parse(date);
    if (at > from && at <= until) {
      out.push({
        day: Math.ceil((at - from) / DAY_MS),
        factor: change.factor,
        date,
        source: change.source,
        estimated: change.estimated,
        note: change.note,
      });
    }
  };

  for (const change of schedule.changes) consider(change.date, change);
  for (const series of schedule.recurring) {
    const start = Date.parse(series.start);
    const period = series.periodDays * DAY_MS;
    // Jump to the first occurrence that can fall after `from` instead of walking from the start.
    const first = Math.max(1, Math.floor((from - start) / period));
    for (let k = first; k <= series.occurrences; k++) {
      const date = utcDay(start + k * period);
      if (Date.parse(date) > until) break;
      consider(date, series);
    }
  }
  return out.sort((a, b) => a.day - b.day || a.date.localeCompare(b.date));
}
