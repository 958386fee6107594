import { ImageResponse } from 'next/og';
import { getSnapshot } from '@/lib/server/queries';
import { getSpotFeed } from '@/lib/server/spot';
import { rateLimited } from '@/app/api/_lib/respond';
import { previewCard } from '@/lib/share/preview-card';
import { parseDashboardParams } from '@/lib/url/search-params';

export const dynamic = 'force-dynamic';

/** GET /api/og?page=home|compare|coin&tag=…&<view params>: the link-preview PNG for that view. */
export async function GET(request: Request) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const params = new URL(request.url).searchParams;
  // A bad param still gets an image (of the defaults): a preview must never be a broken link.
  const { state } = parseDashboardParams(params);
  const card = previewCard(await getSnapshot(), state, {
    page: params.get('page') ?? 'home',
    tag: params.get('tag'),
  }, await getSpotFeed(state.spotZone));
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          background: '#0f1419',
          color: '#e6edf3',
          padding: '48px 56px',
          fontSize: 28,
        }}
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <div style={{ display: 'flex', fontSize: 40, fontWeight: 700 }}>
            {/* A drawn diamond: a text glyph would make next/og fetch a font from the internet. */}
            <div style={{ width: 26, height: 26, background: '#f5a524', transform: 'rotate(45deg)', marginRight: 18, marginTop: 10 }} />
            minerank
          </div>
          <div style={{ display: 'flex', color: '#8b99a8', fontSize: 24 }}>{card.dataLine}</div>
        </div>
        <div style={{ display: 'flex', marginTop: 24, fontSize: 34, fontWeight: 600 }}>{card.title}</div>
        <div style={{ display: 'flex', marginTop: 8, color: '#8b99a8', fontSize: 24 }}>{card.rigLine}</div>
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 28 }}>
          {card.rows.map((row, i) => (
            <div
              key={row.tag}
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                padding: '10px 0',
                borderBottom: '1px solid #2a3542',
              }}
            >
              <div style={{ display: 'flex' }}>
                <span style={{ color: '#8b99a8', width: 48 }}>{i + 1}</span>
                <span style={{ fontWeight: 700, width: 150 }}>{row.tag}</span>
                <span style={{ color: '#8b99a8' }}>{row.algorithm}</span>
              </div>
              <div style={{ display: 'flex', color: row.negative ? '#ff6b6b' : '#3fcf8e', fontWeight: 700 }}>
                {row.value}
              </div>
            </div>
          ))}
          {card.rows.length === 0 && <div style={{ display: 'flex', color: '#8b99a8' }}>No estimate for this rig.</div>}
        </div>
      </div>
    ),
    { width: 1200, height: 630, headers: { 'cache-control': 'public, max-age=300' } },
  );
}
