import { formatUtc } from '@/components/data-banner';
import { formatSignificant, formatUsd, MISSING } from '@/lib/format/units';
import type { CoinView } from '@/lib/ranking/coin-view';

export function MarketPanel({ view }: { view: CoinView }) {
  const { coin } = view;
  return (
    <section className="panel" aria-labelledby="market-title">
      <h2 id="market-title">Market</h2>
      <dl className="kv">
        <dt>Price</dt>
        <dd data-testid="coin-price">
          {formatUsd(coin.priceUsd)}
          {coin.priceUsd !== null && <span className="unit">USD</span>}
        </dd>
        <dt>Price in BTC</dt>
        <dd>{coin.priceBtc === null ? MISSING : `${formatSignificant(coin.priceBtc, 4)} BTC`}</dd>
        <dt>24 h volume</dt>
        <dd>
          {formatUsd(coin.volume24hUsd)}
          {coin.volume24hUsd !== null && <span className="unit">USD</span>}
        </dd>
        <dt>Source</dt>
        <dd>
          {view.priceSourceName}, as of {formatUtc(view.priceAsOf)}
        </dd>
      </dl>
    </section>
  );
}
