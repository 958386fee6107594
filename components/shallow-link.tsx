'use client';

// A link to another view of the ranking: a real href (it works before JavaScript and opens in a
// new tab), and a click that writes the URL in place with a history entry, so the browser
// re-ranks without asking the server and back returns to the view before.
import type { ReactNode } from 'react';
import { dashboardCodecs } from '@/lib/url/search-params';
import { useSetDashboardParams, type SetDashboardParams } from './url-state';

type Values = Parameters<SetDashboardParams>[0];

/** Every param's value in `href`'s query (null where absent), so a write replaces the whole state. */
function valuesOf(href: string): Values {
  const query = new URLSearchParams(href.includes('?') ? href.slice(href.indexOf('?') + 1) : '');
  const values: Record<string, unknown> = {};
  for (const [key, codec] of Object.entries(dashboardCodecs)) {
    const text = query.get(key);
    values[key] = text === null ? null : codec.parse(text);
  }
  return values as Values;
}

export function ShallowLink({
  href,
  children,
  className,
  ...rest
}: {
  href: string;
  children: ReactNode;
  className?: string;
  title?: string;
  'aria-current'?: 'true' | undefined;
}) {
  const setParams = useSetDashboardParams();
  return (
    <a
      href={href}
      className={className}
      {...rest}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        void setParams(valuesOf(href), { history: 'push' });
      }}
    >
      {children}
    </a>
  );
}
