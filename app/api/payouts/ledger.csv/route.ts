import { ledgerCsv } from '@/lib/payouts/ledger';
import { payoutsFor } from '../_respond';

export const dynamic = 'force-dynamic';

/** GET /api/payouts/ledger.csv?<same params>: the payments as a tax-tool CSV (Date, Action MINING, Symbol, Volume, Value, Currency). */
export async function GET(request: Request) {
  const result = await payoutsFor(request);
  if ('response' in result) return result.response;
  const currency = new URL(request.url).searchParams.get('currency')?.toUpperCase() === 'EUR' ? 'EUR' : 'USD';
  return new Response(ledgerCsv(result.report.coin, result.report.payments, currency), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="minerank-ledger-${result.report.coin}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
