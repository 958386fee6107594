// Who gets each block: the miner's share of the block reward by coin and height, from the coin's
// own chain parameters or official documentation (cited per period). Splits change at forks, so
// each coin has a schedule; a coin or a time we have no cited split for is "unknown", never 100 %.
// Pure: numbers in, numbers out.

/** Everyone a block reward can go to, in the order a page lists them. */
export const SPLIT_RECIPIENTS = ['miner', 'masternode', 'devFund', 'treasury', 'founders', 'other'] as const;
export type SplitRecipient = (typeof SPLIT_RECIPIENTS)[number];

/** Percent of the whole block reward per recipient; the parts sum to 100. */
export type SplitPercent = { miner: number } & Partial<Record<Exclude<SplitRecipient, 'miner'>, number>>;

export type SplitPeriod = {
  /** First block of the period; null where only the date is known. */
  fromHeight: number | null;
  /** ISO date (YYYY-MM-DD) the period starts; null for "from the genesis block". */
  fromDate: string | null;
  /** The split, or null when the period's split is not verified (a decided change without a cited figure). */
  split: SplitPercent | null;
  /** Where the figures (and the start) are stated. */
  sourceUrl: string;
};

export type SplitSchedule = readonly SplitPeriod[];

// Periods in order of start. Heights and dates are the ones the cited page gives.
export const REWARD_SPLITS: Readonly<Record<string, SplitSchedule>> = {
  // Zcash: 20 % founders' reward until the first halving (protocol spec §7.8), then a 20 % dev fund
  // from Canopy (height 1,046,400, ZIP 1014), then 12 % + 8 % lockbox from NU6 (height 2,726,400, ZIP 1015).
  ZEC: [
    { fromHeight: 0, fromDate: null, split: { miner: 80, founders: 20 }, sourceUrl: 'https://zips.z.cash/protocol/protocol.pdf#subsidies' },
    { fromHeight: 1_046_400, fromDate: '2020-11-18', split: { miner: 80, devFund: 20 }, sourceUrl: 'https://zips.z.cash/zip-1014' },
    { fromHeight: 2_726_400, fromDate: '2024-11-23', split: { miner: 80, devFund: 12, treasury: 8 }, sourceUrl: 'https://zips.z.cash/zip-1015' },
    // ZIP 1015's streams end after 420,000 blocks; what later upgrades (NU6.1 on) allot is not verified here.
    { fromHeight: 3_146_400, fromDate: null, split: null, sourceUrl: 'https://zips.z.cash/zip-1015' },
  ],
  // Clore.ai: 50 % miners, 40 % GPU hosting rewards (the marketplace pool), 10 % team, since launch.
  CLORE: [{ fromHeight: 0, fromDate: null, split: { miner: 50, other: 40, devFund: 10 }, sourceUrl: 'https://docs.clore.ai/main/tokenomics' }],
  // Neoxa: 45 % miner, 45 % smartnode, 10 % development wallet, since the 2022-05-01 genesis.
  NEOX: [{ fromHeight: 0, fromDate: null, split: { miner: 45, masternode: 45, devFund: 10 }, sourceUrl: 'https://neoxa.net/whitepaper/' }],
  // Firo: 25 % miners, 50 % masternodes, 15 % dev, 10 % community fund from May 2022 (month only);
  // a new division (5 % miners) was decided on 2024-09-01 for the September halving, activation height not verified.
  FIRO: [
    {
      fromHeight: null,
      fromDate: '2022-05-01',
      split: { miner: 25, masternode: 50, devFund: 15, treasury: 10 },
      sourceUrl: 'https://forum.firo.org/t/firo-tokenomics-discussion-with-upcoming-halving/3162',
    },
    { fromHeight: null, fromDate: '2024-09-01', split: null, sourceUrl: 'https://firo.org/2024/09/01/finalized-tokenomics-2024.html' },
  ],
  // Ravencoin forks pay nCommunityAutonomousAmount percent of each block's subsidy to a fund address
  // (mainnet chainparams at the cited commit; earlier history of the figure not checked).
  // Meowcoin: "40% of 5000 COIN to Donation".
  MEWC: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 60, devFund: 40 },
      sourceUrl: 'https://github.com/Meowcoin-Foundation/Meowcoin/blob/1c2e77a1dc745ec617c64607e4ed83f53e9880e2/src/chainparams.cpp',
    },
  ],
  // AI Power Grid: "5% of 5000 AIPG to operations wallet".
  AIPG: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 95, devFund: 5 },
      sourceUrl: 'https://github.com/AIPowerGrid/AI-Power-Grid-Core/blob/0065fdb18691e4925f42add17f225762efedaab5/src/chainparams.cpp',
    },
  ],
  // Vultaic: "10% of 500 VLC to operations wallet" (genesis 2024-02-05).
  VLC: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 90, devFund: 10 },
      sourceUrl: 'https://github.com/vultaicnetwork/Vultaic-Mainnet/blob/98b0b69cb4534213f9ac421bd675b268e8874ed0/src/chainparams.cpp',
    },
  ],
  // Evrmore: MINER_FUND_RATIO = 10 percent of the coinbase to the dev fund (src/minerdevfund.cpp),
  // enabled by default on mainnet (consensus.enableMinerDevFund = true in chainparams.cpp), since genesis.
  EVR: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 90, devFund: 10 },
      sourceUrl: 'https://github.com/EvrmoreOrg/Evrmore/blob/e19132049760d9b89764c38f8bf486617dd88ce8/src/minerdevfund.cpp',
    },
  ],
  // Paprikacoin: "40% of 60 COIN to Dev+team and community" (nCommunityAutonomousAmount = 40, mainnet
  // chainparams; the README gives the same 10 % + 10 % + 20 % of the 60 PAPRY block reward).
  PAPRY: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 60, devFund: 40 },
      sourceUrl: 'https://github.com/paprika-network/paprikacoin/blob/14690e9eacbb2e37cef0042368ec7a3439372faa/src/chainparams.cpp',
    },
  ],
  // Gamepass: "51% going to the miner, 41% going to the gamers' fund, and 8% for development purposes
  // and marketing" of each block (README, GPN coin description).
  GPN: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 51, other: 41, devFund: 8 },
      sourceUrl: 'https://github.com/GamepassNetwork/GamepassClassic/blob/730cec10104f0e54368965ae9906e5244a4a4dde/README.md',
    },
  ],
  // Aves: accumulateRewards pays "reward_95" to the coinbase and "reward_5 := reward / 20" to a fixed
  // address (0xf18B…79AB, "AVES ECO frendly") on every block, with no fork gate (consensus/ethash/
  // consensus.go at the "Main Net" commit of 2022-11-30; the 2024-04-15 halving fork 1316a4d keeps 95/5).
  AVS: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 95, devFund: 5 },
      sourceUrl: 'https://github.com/Aves-Project/aves-go/blob/f62dcae47958e39e14c7b82a1445942eef72cdf5/consensus/ethash/consensus.go',
    },
  ],
  // Raptoreum and its GhostRider forks: the coinbase pays the smartnode "blockValue * percentage / 100"
  // (GetSmartnodePayment, validation.cpp; percentage from nCollaterals' reward percentages,
  // paid once 10 smartnodes exist) and the founder "blockReward * rewardPercentage / 100"
  // (founder_payment.cpp, FounderRewardStructure); the miner keeps the rest. Mainnet chainparams at
  // the cited commits. The launch blocks before the smartnode (and founder) start are not modelled:
  // they lie before any recording here.
  // Raptoreum: rewardStructures {INT_MAX, 5} "5% founder/dev fee forever" after block 250, and
  // smartnode reward percentages {5761, 0}, {INT_MAX, 20}: 20 % from block 5,762 (chainparams of 2024-03-11).
  RTM: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 75, masternode: 20, founders: 5 },
      sourceUrl: 'https://github.com/Raptor3um/raptoreum/blob/06f2dd9f3852b77b309b67c29c3ba9ce4cf8d12f/src/chainparams.cpp',
    },
  ],
  // Babacoin: rewardStructures {INT_MAX, 5} after block 250, smartnode {5761, 0}, {INT_MAX, 20}
  // (mainnet chainparams of the 2022 launch, in force until the February 2025 restart).
  BBC: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 75, masternode: 20, founders: 5 },
      sourceUrl: 'https://github.com/babacoinbbc/babacoin/blob/a2a3680747125f184fc6fd40653674de96606a9b/src/chainparams.cpp',
    },
  ],
  // Skytere: rewardStructures {INT_MAX, 10} "10% founder/dev fee forever" after block 500, smartnode
  // {5040, 0}, {INT_MAX, 60}: 60 % from block 5,041.
  SKYT: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 30, masternode: 60, founders: 10 },
      sourceUrl: 'https://github.com/skytcode/skytere/blob/909f50b41a96e19cd4f4b7bf3763e105df666510/src/chainparams.cpp',
    },
  ],
  // Rheix: rewardStructures {INT_MAX, 15} after block 1, smartnode {3090, 0}, {INT_MAX, 56}: 56 %
  // from block 3,091 (chainparams of 2023-12-03; unchanged by the 2025-03-29 collateral update).
  RHX: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 29, masternode: 56, founders: 15 },
      sourceUrl: 'https://github.com/Valerjanich/rheix/blob/3c0ad18bc6cc3050f600f1037df7cc5c8318aece/src/chainparams.cpp',
    },
  ],
  // MecuAI: rewardStructures {INT_MAX, 10} (the line's comment still says 5 %; the figure is 10) after
  // block 8, smartnode {3168, 0}, {INT_MAX, 60}: 60 % from block 3,169.
  MECU: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 30, masternode: 60, founders: 10 },
      sourceUrl: 'https://github.com/mecuai/mecuai/blob/bb440f8b6b7298cf80750791680779145e243884/src/chainparams.cpp',
    },
  ],
  // Subi Network: rewardStructures {INT_MAX, 15} after block 750, smartnode {5761, 0}, {INT_MAX, 55}.
  SUBI: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 30, masternode: 55, founders: 15 },
      sourceUrl: 'https://github.com/subinetwork/subi/blob/48b1c229ab59310883b3b33f665f8b4673da5c7d/src/chainparams.cpp',
    },
  ],
  // Gain Pro X: rewardStructures {INT_MAX, 15} after block 750, smartnode {5761, 0}, {INT_MAX, 55}.
  GPRX: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 30, masternode: 55, founders: 15 },
      sourceUrl: 'https://github.com/gprotocolx/gainprox/blob/3c4ccc2d8186dbc4834d5bdfe09694055f86b7c6/src/chainparams.cpp',
    },
  ],
  // Maxeter: rewardStructures {INT_MAX, 10} "10% founder/dev fee forever" after block 1, smartnode
  // {5761, 0}, {INT_MAX, 55}.
  MAXE: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 35, masternode: 55, founders: 10 },
      sourceUrl: 'https://github.com/maxeteristy/maxeter/blob/cef14cb2a730c45a6621c12835a978dc5352b54c/src/chainparams.cpp',
    },
  ],
  // Fsociety: rewardStructures {INT_MAX, 20} after block 250, smartnode {8580, 0}, {INT_MAX, 45}: 45 %
  // from block 8,581 (chainparams of 2024-02-16).
  FSC: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 35, masternode: 45, founders: 20 },
      sourceUrl: 'https://github.com/fsocietychain/fsociety/blob/8dac1f76e02cf5f1a8eef3068f9331f3bb5d013b/src/chainparams.cpp',
    },
  ],
  // Gemlink: from the Morag upgrade (height 2,167,200, "2022, Feb 14" in mainnet chainparams) the
  // masternode gets "blockValue * 50 / 100" (GetMasternodePayment, main.cpp) and the developers
  // "blockValue * 20 / 100" (GetDevelopersPayment), and neither founders' nor treasury rewards are paid
  // (masternode-payments.cpp); the miner keeps 30 %. Earlier eras are not modelled.
  GLINK: [
    {
      fromHeight: 2_167_200,
      fromDate: '2022-02-14',
      split: { miner: 30, masternode: 50, devFund: 20 },
      sourceUrl: 'https://github.com/gemlink/gemlink/blob/e585a558fafb83c054cc79ae53c66c1da0a0a55c/src/main.cpp',
    },
  ],
  // Flux: GetFluxnodeSubsidy (main.cpp) pays each node tier "blockValue * (percentage * fMultiple)" with
  // V1_FLUXNODE_PERCENT_CUMULUS 0.0375, NIMBUS 0.0625 and STRATUS 0.15 (fluxnode/fluxnode.h), and
  // fMultiple = 2.0 once the Flux rebrand upgrade is active (height 835,554, "Around 10th April 2021"
  // in mainnet chainparams): 7.5 + 12.5 + 30 = 50 % to FluxNodes, the rest to the miner (source of
  // 2024-01-30). The Proof of Node upgrade (height 2,020,000) ends this split; what follows is not verified.
  FLUX: [
    {
      fromHeight: 835_554,
      fromDate: '2021-04-10',
      split: { miner: 50, masternode: 50 },
      sourceUrl: 'https://github.com/RunOnFlux/fluxd/blob/8c1307db24580ba8a6fef5b27019869a99823f05/src/main.cpp',
    },
    {
      fromHeight: 2_020_000,
      fromDate: null,
      split: null,
      sourceUrl: 'https://github.com/RunOnFlux/fluxd/blob/2dfb5046b81c482914b93fa1caa0a7254c80bf64/src/chainparams.cpp',
    },
  ],
  // Kiirocoin: in stage 3 (from stage3StartTime 1689499903, 2023-07-16) the masternode gets "blockValue*collaterals.
  // getRewardPercentage(nHeight)/100" (GetMasternodePayment, validation.cpp) with reward percentage
  // {INT_MAX, 60}, and the development and community funds each FundRewardStructure {INT_MAX, 10}
  // "10% dev/community fee forever" (mainnet chainparams of 2024-02-18): 20 % to the miner. Later
  // chainparams (July 2024 on) change the funds; not modelled.
  KIIRO: [
    {
      fromHeight: null,
      fromDate: '2023-07-16',
      split: { miner: 20, masternode: 60, devFund: 10, treasury: 10 },
      sourceUrl: 'https://github.com/Kiirocoin/kiiro/blob/9f0eda20f025c98333557acca5ffb0684968090c/src/chainparams.cpp',
    },
  ],
  // Radiant and Vertcoin pay the whole block to the miner: the block template's coinbase is
  // "nFees + GetBlockSubsidy(...)" in its one output (miner.cpp) and no other payee is required.
  RXD: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/RadiantBlockchain/radiant-node/blob/5737e90d7b698a45f20d83b7cf3882cbdd9a5b98/src/miner.cpp',
    },
  ],
  VTC: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/vertcoin-project/vertcoin-core/blob/efc96b71d0f968b672934291e4870fa251a81c5f/src/node/miner.cpp',
    },
  ],
  // Obsidian and Skydoge pay the whole block to the miner: one coinbase output of "nFees +
  // GetBlockSubsidy(...)" (Skydoge adds the sidechain withdrawal fees to it), miner.cpp.
  OBN: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/ObsidianCoreCoin/Obsidiancoin/blob/c9500e9a4c4ba846d1cf9eb5d8dfed8e69024015/src/miner.cpp',
    },
  ],
  SKYDOGE: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/skydogenet/mainchain/blob/46fc4b0ac9ea3836c779c16a62ff2d365dd5f733/src/miner.cpp',
    },
  ],
  // Kylacoin: from block 494,000 ConnectBlock requires one output to the developer script worth
  // "GetBlockSubsidy(...) * 0.1" (from block 685,800 "blockReward * 0.1", fees included), and the
  // template pays the miner the rest (validation.cpp, node/miner.cpp). The start date is not known
  // here: 2023-10-25 is the v2.1.0 release note, written when the chain was past block 685,800.
  KCN: [
    {
      fromHeight: 494_000,
      fromDate: '2023-10-25',
      split: { miner: 90, devFund: 10 },
      sourceUrl: 'https://github.com/kylacoin/kylacoin/blob/fd9c2d077df430caf4450f6b95d65c49944ccf73/src/validation.cpp',
    },
  ],
  // DigiByte pays the whole block to the miner on every algorithm: one coinbase output of "nFees +
  // GetBlockSubsidy(...)" (miner.cpp). hashrate.no lists its SHA-256 chain as DGB-SHA.
  'DGB-SHA': [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/DigiByte-Core/digibyte/blob/47da24a5cfe177d3f3523b808ed6b8b1888a1163/src/miner.cpp',
    },
  ],
  // Dingocoin pays the whole block to the miner: one coinbase output of "nFees +
  // GetDingocoinBlockSubsidy(...)" (miner.cpp).
  DINGO: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/dingocoin/dingocoin/blob/fab486342f21db807f1309305dd924e5f064cd7f/src/miner.cpp',
    },
  ],
  // Ravencoin pays the whole block to the miner: one coinbase output of "nFees + GetBlockSubsidy(...)"
  // (miner.cpp); its forks add the community payment (above), Ravencoin does not.
  RVN: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/RavenProject/Ravencoin/blob/e48d932ec70267a62ec3541bdaf4fe022c149f0e/src/miner.cpp',
    },
  ],
  // Neurai pays the whole block to the miner: one coinbase output of "nFees + GetBlockSubsidy(...)"
  // (miner.cpp at 2024-03-14).
  XNA: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/NeuraiProject/Neurai/blob/b27ca7a3c266f65083efe75e41ed730cc8386155/src/miner.cpp',
    },
  ],
  // Dinartether pays the whole block to the miner: one coinbase output of "nFees + GetBlockSubsidy(...)"
  // (miner.cpp); its README: "no pre-mine, developer allocation or any other similar set aside".
  DINT: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/Dinartether/Dinartether/blob/7bf5948fd7cfae0414a3b31fb4c91879214ddefc/src/miner.cpp',
    },
  ],
  // OctaSpace: accumulateRewards pays the coinbase blockReward, NodeStakFundAddress nodeStakBlockReward
  // and DevelopmentFundAddress developmentBlockReward; from the Mahasim fork (MahasimBlock 3,000,000 in
  // params/config.go) they are 2.30, 2.30 and 0.40 OCTA: 46 %, 46 % and 8 % of 5.00. The date of block
  // 3,000,000 is not known here, and the earlier eras are not modelled.
  OCTA: [
    {
      fromHeight: 3_000_000,
      fromDate: null,
      split: { miner: 46, masternode: 46, devFund: 8 },
      sourceUrl: 'https://github.com/octaspace/go-octa/blob/c54b3ee9bd099ed46d494f00f48902362bc87d74/consensus/ethash/consensus.go',
    },
  ],
  // Satoxcoin: "Block Reward - 90% PoW | 10% Dev fee (270 SATOX reward, 30 SATOX Dev fee)" (README specification).
  SATOX: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 90, devFund: 10 },
      sourceUrl: 'https://github.com/satoverse/satoxcoin/blob/f5b901b661a45ba3f0bc8143d1882e9c6a864305/README.md',
    },
  ],
  // Avian: FounderPayment(rewardStructures {INT_MAX, 5} "5% founder/dev fee forever", 1121000) in
  // mainnet chainparams (commit "Set mainnet founder reward to block 1121000", 2022-09-16), and
  // getFounderPaymentAmount pays nothing while blockHeight <= startBlock (founder_payment.cpp): 5 % of
  // every block from 1,121,001, on both algorithms. ConnectBlock rejects a coinbase without it
  // (validation.cpp). The date of block 1,121,001 is not known here: 2025-11-09 is the commit that
  // checkpoints block 4,338,668, so the chain was past it then.
  AVN: [
    {
      fromHeight: 1_121_001,
      fromDate: '2025-11-09',
      split: { miner: 95, founders: 5 },
      sourceUrl: 'https://github.com/AvianNetwork/Avian/blob/04fb52b2233ae8b191fb1d77a1b2eeecf3825503/src/chainparams.cpp',
    },
  ],
  // PepePow: from block 1,065,650 ("nHeight > 1065649 // Roughly 19:00 UTC 30th Jan 2024") the
  // foundation gets a fixed 250 PEPEW (GetFoundationPayment), doubled and quintupled on the same
  // superblocks as the subsidy, and the masternode "(blockValue - foundationPayment) * 35/100"
  // (GetMasternodePayment; 35 % in the code since a commit of 2023-08-17); the miner keeps
  // "blockReward - (masternodePayment + foundationPayment)" (masternode-payments.cpp). With the subsidy of 5,000 PEPEW after block 773,800
  // (GetBlockSubsidy, validation.cpp of 2024-03-09): foundation 250 / 5,000 = 5 %, masternode 35 % of
  // 4,750 = 1,662.5 = 33.25 %, miner 3,087.5 = 61.75 % (fees aside). Dated the day after the source's
  // "roughly" 30 January. From block 1,930,000 the XelisV2 bonus adds 500 × n PEPEW a block, tailing off
  // month by month, while the foundation stays 250: the percentages change, not modelled (the bonus was
  // merged on 2024-08-14, so the block is no earlier).
  PEPEW: [
    {
      fromHeight: 1_065_650,
      fromDate: '2024-01-31',
      split: { miner: 61.75, masternode: 33.25, devFund: 5 },
      sourceUrl: 'https://github.com/MattF42/PePe-core/blob/5e516219eb74f4f8f7ef634c9fca3595e6eda6b2/src/validation.cpp',
    },
    {
      fromHeight: 1_930_000,
      fromDate: '2024-08-14',
      split: null,
      sourceUrl: 'https://github.com/MattF42/PePe-core/blob/4c20d5d850a2462b735388a35c10687b9b55ac1c/src/validation.cpp',
    },
  ],
  // BLOCX (Dash-based): after the V3 fork (V3ForkHeight 87,500, mainnet chainparams) GetBlockSubsidy
  // keeps "nSubsidy * 0.05" for superblocks once nPrevHeight > 87,500, and GetMasternodePayment gives
  // the masternodes "blockValue * (48.0/95.0)" of the remaining 95 % for nHeight > 87,500
  // (validation.cpp of 2024-02-17; the tier fork splits those 48 % between two tiers,
  // masternode-payments.cpp): 5 % treasury, 48 % masternodes, 47 % miner from block 87,502, where both
  // apply. Dated 2024-02-12, the commit that checkpoints block 95,194; v4.0.3 (2024-10-26) keeps both figures.
  BLOCX: [
    {
      fromHeight: 87_502,
      fromDate: '2024-02-12',
      split: { miner: 47, masternode: 48, treasury: 5 },
      sourceUrl: 'https://github.com/BLOCXTECH/BLOCX/blob/636ff0b4da777bede9e5ad7eeb343a92cc0af89d/src/validation.cpp',
    },
  ],
  // Ocvcoin pays the whole block to the miner: one coinbase output of "nFees + GetBlockSubsidy(...)"
  // (node/miner.cpp of v26.0, the repository's first commit, 2023-12-21; earlier history not public there),
  // 50 OCV a block every 5 × 60 s (kernel/chainparams.cpp).
  OCV: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/ocvcoin/ocvcoin/blob/8b49a5ab6d1623f8b35611ae76f0955a7aeabe15/src/node/miner.cpp',
    },
  ],
  // Abelian pays the whole block to the miner: the template's coinbase has one output, to the miner's
  // address, worth "subsidy + totalFee" (mining/mining.go), and consensus only caps the coinbase at
  // "CalcBlockSubsidy(...) + totalFees" (blockchain/validate.go); no other payee is required.
  ABEL: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/pqabelian/abec/blob/0f6d0d2e6644d59ff58816afcd5842a3ebc204b9/mining/mining.go',
    },
  ],
  // Crionic pays the whole PoW block to the miner: CreateNewBlock's PoW coinbase has one output, to the
  // miner's script, worth "nFees + GetBlockSubsidy(...)" (40 CRNC, halved every 4,200,000 blocks on mainnet),
  // with no other payee (src/miner.cpp, src/validation.cpp, src/chainparams.cpp at the 2023-06-04 commit; later
  // history not checked). Hive-mined blocks (a LitecoinCash Hive fork) pay their own coinbase to bee owners:
  // they are other blocks, not a part of this one.
  CRNC: [
    {
      fromHeight: 0,
      fromDate: null,
      split: { miner: 100 },
      sourceUrl: 'https://github.com/diabaths/Crionic-Coin/blob/3dd44890d94ce7a5e8e3df6441c5a1d5d730a811/src/miner.cpp',
    },
  ],
  // Anokas: the README's coin specification gives the miner 25 % after block 180000 (the rest unnamed).
  ANOK: [
    {
      fromHeight: 180_000,
      fromDate: null,
      split: { miner: 25, other: 75 },
      sourceUrl: 'https://github.com/anokastech/Anokas-mainnet/blob/2a756ae023c54946194547bee2600103e5ec0835/README.md',
    },
  ],
};

export type SplitAt =
  | { state: 'verified'; split: SplitPercent; fromHeight: number | null; fromDate: string | null; sourceUrl: string }
  | { state: 'unknown' };

const UNKNOWN: SplitAt = { state: 'unknown' };

/**
 * The split in force for `tag` at a block height (when known) or a date (ISO). A period is chosen by
 * height where both it and the caller know one, else by date; a period that starts at genesis always
 * applies before the next. Unknown when the coin has no schedule, the time is before its first
 * period, or the period in force has no verified split.
 */
export function splitAt(tag: string, at: { height?: number | null; date?: string | null }): SplitAt {
  const schedule = REWARD_SPLITS[tag.toUpperCase()];
  if (!schedule) return UNKNOWN;
  const height = typeof at.height === 'number' && Number.isFinite(at.height) ? at.height : null;
  const ms = at.date ? Date.parse(at.date) : Number.NaN;
  let current: SplitPeriod | null = null;
  for (const period of schedule) {
    if (startsBy(period, height, ms)) current = period;
    else break;
  }
  if (!current || !current.split) return UNKNOWN;
  return { state: 'verified', split: current.split, fromHeight: current.fromHeight, fromDate: current.fromDate, sourceUrl: current.sourceUrl };
}

function startsBy(period: SplitPeriod, height: number | null, ms: number): boolean {
  if (period.fromHeight === 0) return true;
  if (period.fromHeight !== null && height !== null) return height >= period.fromHeight;
  if (period.fromDate !== null && !Number.isNaN(ms)) return ms >= Date.parse(period.fromDate);
  // Neither side can say: the period's start cannot be placed, so it is not known to apply.
  return false;
}

/** The miner's share (0..1) at that height or date, or null when the split is unknown. */
export function minerShareAt(tag: string, at: { height?: number | null; date?: string | null }): number | null {
  const found = splitAt(tag, at);
  return found.state === 'verified' ? found.split.miner / 100 : null;
}

/**
 * The miner's part of a coinbase that must also pay others (a Bitcoin-family template's
 * masternode, smartnode, superblock and founder payees): coins and share, or null when the figures
 * do not make sense (payees at or above the whole, or no whole).
 */
export function minerPartOfTemplate(
  coinbaseValue: number | null,
  payeesTotal: number | null,
): { minerReward: number; minerShare: number } | null {
  if (coinbaseValue === null || !(coinbaseValue > 0) || !Number.isFinite(coinbaseValue)) return null;
  if (payeesTotal === null || !(payeesTotal >= 0) || !Number.isFinite(payeesTotal) || payeesTotal >= coinbaseValue) return null;
  const minerReward = coinbaseValue - payeesTotal;
  return { minerReward, minerShare: minerReward / coinbaseValue };
}
