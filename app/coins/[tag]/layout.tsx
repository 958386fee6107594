import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';

// The coin page's controls (projection, history range) write the URL through the App Router
// ({ shallow: false }: the server computes what they show), so they use nuqs's Next.js adapter.
// The ranking on `/` keeps its own URL state (components/url-state.tsx, DashboardUrlState).
export default function CoinLayout({ children }: { children: ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
