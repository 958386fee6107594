'use client';

// A chart's place on the page: a skeleton of the chart's size until the slot nears the viewport,
// then the chart itself, loaded with React.lazy (components/charts/lazy.tsx, lazy-ranking.tsx).
// React's own lazy and Suspense instead of next/dynamic: the slot never mounts a chart on the
// server (it waits for an effect), so next/dynamic's server-side machinery (its preload and
// bail-out modules, about 2.7 kB gzip) had nothing to do but still came with the first load.
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** Fills its slot (whose min-height is the chart's height) until the chart arrives. */
export function ChartSkeleton() {
  return <div className="chart-skeleton" aria-hidden="true" style={{ height: '100%', minHeight: 'inherit' }} />;
}

/**
 * Holds a chart's place and mounts it once the slot comes within a screen of the viewport: on a
 * phone the charts sit below the table's top, and loading and drawing recharts there was most of
 * the page's main-thread blocking time before anyone scrolled to them.
 */
export function Slot({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      // Within 200 px below the fold: the first screen's charts still load at once.
      { rootMargin: '0px 0px 200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} style={{ minHeight: height }} data-chart-slot="">
      {near ? <Suspense fallback={<ChartSkeleton />}>{children}</Suspense> : <ChartSkeleton />}
    </div>
  );
}
