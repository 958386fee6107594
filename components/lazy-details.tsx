'use client';

// A <details> whose content is rendered once it is open: closed by default, the rig form's
// per-algorithm fields and the tariff's were a quarter of the elements of `/` (about 230 of
// 1,200), which the server rendered and the browser hydrated for every shared link, unseen. The
// fields need JavaScript to do anything, so a page without it loses nothing.
import { useState, type ReactNode } from 'react';

export function LazyDetails({
  open,
  className,
  summary,
  children,
}: {
  /** Open as the page loads (the URL sets one of its fields): rendered on the server too. */
  open: boolean;
  className?: string;
  /** The <summary> element. */
  summary: ReactNode;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(open);
  return (
    <details className={className} open={open} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      {summary}
      {(open || opened) && children}
    </details>
  );
}
