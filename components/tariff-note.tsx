// Words the day a tariff prices (codes and figures from lib/electricity): which prices, which
// day in which zone, how many hours, and why a spot feed is stale or replaced by the flat price.
import type { PowerDay, TariffNotice } from '@/lib/electricity/tariff';
import { formatIsoDate, weekdayOf } from '@/lib/electricity/zone';
import { spotZone } from '@/lib/electricity/spot-zones';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const usd = (x: number) => `${x.toFixed(4)} USD/kWh`;

function noticeText(notice: TariffNotice, flatUsdPerKwh: number): string {
  const zone = spotZone(notice.zone)?.label ?? notice.zone;
  const since = notice.lastGoodAt ? ` (last good ${notice.lastGoodAt.replace('T', ' ').slice(0, 16)} UTC)` : '';
  if (notice.code === 'spot-stale') return `The ${zone} spot feed is failing: using its last good prices${since}, marked stale.`;
  const why = {
    expired: `the ${zone} spot feed has failed for more than 48 hours${since}`,
    'no-data': `the ${zone} spot feed has no prices for this day yet`,
    'no-rate': `converting ${zone} prices to USD needs an exchange rate this data does not have`,
    'unknown-zone': `${zone} is not a spot zone`,
    disabled: 'this server does not fetch spot prices (its operator has not enabled them)',
  }[notice.reason];
  return `Using the flat price ${usd(flatUsdPerKwh)}: ${why}.`;
}

export function TariffNote({ power, flatUsdPerKwh }: { power: PowerDay | null | undefined; flatUsdPerKwh: number }) {
  if (!power) return null;
  const prices = power.hourPricesUsdPerKwh;
  const source = { flat: 'a flat price', tou: 'a time-of-use schedule', spot: 'hourly spot prices' }[power.source];
  return (
    <p className="muted small" data-testid="tariff-note">
      Electricity: {source} for {WEEKDAYS[weekdayOf(power.date)]} {formatIsoDate(power.date)} in {power.timeZone} ({prices.length}{' '}
      hours, {usd(Math.min(...prices))} to {usd(Math.max(...prices))})
      {power.overheadPercent > 0 && `, ${power.overheadPercent} % overhead`}
      {power.fixedUsdPerDay > 0 && `, fixed ${power.fixedUsdPerDay} USD/day`}
      {power.heatUsdPerKwh > 0 && `, heat credit ${power.heatUsdPerKwh} USD/kWh`}
      {power.hoursMode === 'profitable' && '; the rig mines only in the hours that pay'}. Profit = Σ over the day’s hours of
      (revenue per hour − kWh × that hour’s price + heat credit) − fixed cost.
      {power.notice && (
        <strong role="status" data-testid="tariff-notice">
          {' '}
          {noticeText(power.notice, flatUsdPerKwh)}
        </strong>
      )}
    </p>
  );
}
