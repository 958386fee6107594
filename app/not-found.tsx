import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p className="muted">There is no page at this address.</p>
      <p>
        <Link href="/">Back to the ranking</Link>
      </p>
    </section>
  );
}
