import Link from 'next/link';
import { getAlgorithm } from '@/lib/mining/algorithms';
import type { RentVsMine } from '@/lib/ranking/rent-vs-mine';
import { formatHashrate, formatUsd, MISSING } from '@/lib/format/units';

/** Per algorithm of the rig: what NiceHash would pay for its hashrate against mining the best coin. */
export function RentVsMinePanel({ rows, available, contractHref }: { rows: RentVsMine[]; available: boolean; contractHref: string }) {
  return (
    <details className="panel" data-testid="rent-vs-mine">
      <summary>
        <strong>Sell your hashpower instead?</strong>{' '}
        <span className="muted small">NiceHash’s price for your hashrate against the best coin, per algorithm</span>
      </summary>
      {!available ? (
        <p className="muted">No hash-rental prices in this data: add <code>nicehash</code> to <code>SOURCES</code>.</p>
      ) : (
        <div className="table-wrap" style={{ marginTop: '0.6rem' }}>
          <table>
            <thead>
              <tr>
                <th className="left">Algorithm</th>
                <th>Your hashrate</th>
                <th>
                  NiceHash pays<span className="unit">USD / day</span>
                </th>
                <th className="left">Best coin</th>
                <th>
                  Mining revenue<span className="unit">USD / day</span>
                </th>
                <th className="left">Better</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const algo = getAlgorithm(r.algorithm);
                return (
                  <tr key={r.algorithm} data-algorithm={r.algorithm}>
                    <td className="left">{algo?.name ?? r.algorithm}</td>
                    <td>{formatHashrate(r.hashrate, algo?.unit ?? 'H/s')}</td>
                    <td>{r.sellUsdPerDay === null ? 'no rental market' : formatUsd(r.sellUsdPerDay)}</td>
                    <td className="left">{r.best?.tag ?? MISSING}</td>
                    <td>{formatUsd(r.best?.revenueUsdPerDay ?? null)}</td>
                    <td className="left">
                      {r.better === 'sell' ? <strong className="pos">sell hashpower</strong> : r.better === 'mine' ? 'mine' : MISSING}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        Both use the same power, so revenue is compared; NiceHash’s seller fee is not deducted. Buying hashrate instead?{' '}
        <Link href={contractHref}>Check a cloud-mining or rental contract</Link>.
      </p>
    </details>
  );
}
