/** The history panel's shape while its read streams in: same heading, range switch row and chart height. */
export function HistorySkeleton() {
  return (
    <section className="panel" aria-labelledby="history-title" aria-busy="true" data-testid="history-skeleton">
      <h2 id="history-title">History</h2>
      <p className="muted small">Loading recorded history…</p>
      <div className="chart-skeleton" style={{ height: 260 }} />
    </section>
  );
}
