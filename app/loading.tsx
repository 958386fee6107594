export default function Loading() {
  return (
    <section aria-busy="true" aria-label="Loading the ranking">
      <h1>Which small coin should your rig mine?</h1>
      <div className="banner muted">Loading coin data…</div>
      <div className="panel" style={{ height: 180 }} />
      <div className="table-wrap" style={{ height: 480 }} />
    </section>
  );
}
