import type { Metadata } from 'next';
import { AlertForm } from '@/components/alert-form';

export const metadata: Metadata = { title: 'Alerts for your rig' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/alerts?view=<the ranking's query>`: a rule for that rig, no account; the feed needs nothing saved. */
export default async function AlertsPage({ searchParams }: Props) {
  const params = await searchParams;
  const view = typeof params.view === 'string' ? params.view.replace(/^\?/, '') : '';
  return (
    <>
      <h1>Tell me when it changes</h1>
      <p className="lede">
        An alert watches the ranking for {view ? 'the rig in your link' : 'the example rig (open this page from the ranking to use yours)'} after each
        refresh, and tells you once when its condition has held for the time you set; it fires again only after the condition
        has cleared. No account: the link you get back is the only key.
      </p>
      <p className="muted small">
        Prefer a feed? <a href={`/feeds/rank${view ? `?${view}` : ''}`}>Atom feed of this view</a> (an entry when the top coin changes).
      </p>
      <AlertForm view={view} />
    </>
  );
}
