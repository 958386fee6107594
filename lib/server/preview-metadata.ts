// Link previews: Open Graph and Twitter card metadata whose image is drawn for the URL's own
// view (its rig, its coins), so a shared link unfurls into the comparison itself.
import type { Metadata } from 'next';
import { services } from '@/lib/server/services';
import { serializeDashboardState, type DashboardState } from '@/lib/url/search-params';

export type PreviewPage = { kind: 'home' } | { kind: 'compare' } | { kind: 'coin'; tag: string };

/** The image URL for a view: /api/og with the view's own params. */
export function previewImagePath(page: PreviewPage, state: DashboardState): string {
  const query = new URLSearchParams(serializeDashboardState(state));
  query.set('page', page.kind);
  if (page.kind === 'coin') query.set('tag', page.tag);
  return `/api/og?${query.toString()}`;
}

export function previewMetadata({
  title,
  description = 'Small-coin mining profitability for your own rig: every figure with its unit, source and age.',
  page = { kind: 'home' },
  path,
  state,
}: {
  title: string;
  description?: string;
  page?: PreviewPage;
  path: string;
  state: DashboardState;
}): Metadata {
  const image = { url: previewImagePath(page, state), width: 1200, height: 630, alt: title };
  const url = `${path}${serializeDashboardState(state)}`;
  return {
    metadataBase: new URL(services().env.SITE_URL), // the env parsed once per process, not per request
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'website', siteName: 'minerank', title, description, url, images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [image.url] },
  };
}
