// Who gets the block, next to the estimate's formula: the miner's share and the rest of the split
// (a cited schedule, or the live template's payees), or "reward split not verified".
import { SPLIT_RECIPIENTS, splitAt, type SplitRecipient } from '@/lib/mining/reward-splits';
import { formatSignificant, numberFormat } from '@/lib/format/units';
import type { Coin } from '@/lib/model/types';

const RECIPIENT_LABELS: Record<SplitRecipient, string> = {
  miner: 'miner',
  masternode: 'masternodes',
  devFund: 'dev fund',
  treasury: 'treasury',
  founders: 'founders',
  other: 'others',
};

const percent = (value: number) => `${formatSignificant(value, 3)} %`;

type Props = Pick<Coin, 'tag' | 'height' | 'updatedAt' | 'blockReward' | 'rewardBasis' | 'minerShare' | 'minerShareFrom' | 'minerReward'>;

/** `blockReward`: the whole block the split counts when the source gives only a daily emission (emission × T / 86400, from the view). */
export function RewardSplit({ coin, blockReward = coin.blockReward }: { coin: Props; blockReward?: number | null }) {
  if (coin.minerShareFrom === 'template' && coin.minerShare !== null) {
    return (
      <p className="muted small" data-testid="reward-split">
        Reward split: miner {percent(coin.minerShare * 100)}
        {coin.minerReward !== null && coin.blockReward !== null
          ? ` (${formatSignificant(coin.minerReward, 6)} of ${formatSignificant(coin.blockReward, 6)} ${coin.tag} per block)`
          : ''}
        ; the rest pays the masternode, superblock and founder payees the node&apos;s block template lists.
      </p>
    );
  }
  const found = splitAt(coin.tag, { height: coin.height, date: coin.updatedAt });
  if (found.state === 'unknown') {
    return (
      <p className="muted small" data-testid="reward-split">
        Reward split not verified:{' '}
        {coin.rewardBasis === 'miner'
          ? "the source's reward is already the miner's part."
          : 'the estimate counts the whole block the source reports.'}
      </p>
    );
  }
  const others = SPLIT_RECIPIENTS.filter((r) => r !== 'miner' && (found.split[r] ?? 0) > 0).map(
    (r) => `${RECIPIENT_LABELS[r]} ${percent(found.split[r] ?? 0)}`,
  );
  const whole = coin.rewardBasis === 'whole' && blockReward !== null ? ` of ${formatSignificant(blockReward, 6)} ${coin.tag}` : '';
  const since =
    found.fromHeight === 0
      ? 'since the genesis block'
      : found.fromHeight !== null
        ? `since block ${numberFormat({ maximumFractionDigits: 0 }).format(found.fromHeight)}`
        : `since ${found.fromDate ?? 'a date not verified'}`;
  return (
    <p className="muted small" data-testid="reward-split">
      Reward split: miner {percent(found.split.miner)}
      {whole}
      {others.length > 0 ? `; ${others.join(', ')}` : ''}, {since} (
      <a href={found.sourceUrl} rel="noreferrer">
        source
      </a>
      ){coin.rewardBasis === 'miner' ? ". The source's reward is already the miner's part." : '.'}
    </p>
  );
}
