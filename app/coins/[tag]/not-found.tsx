import Link from 'next/link';

export default function CoinNotFound() {
  return (
    <section className="panel">
      <h1>Coin not found</h1>
      <p className="muted">
        No coin with that ticker is in the current data. Tickers are case-insensitive; the ranking lists every coin we
        have.
      </p>
      <p>
        <Link href="/">Back to the ranking</Link>
      </p>
    </section>
  );
}
