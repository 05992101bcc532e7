const HOUR = 3600;
const DAY = 24 * HOUR;

/** The start of the hour (or day) `seconds` falls in. */
const floorTo = (seconds: number, step: number) => Math.floor(seconds / step) * step;

/**
 * Sentry's `stats`: `24h` as 24 hourly `[unixSeconds, count]` points and `30d`
 * as 30 daily points, oldest first, zeros included, from hourly counts.
 */
export function issueStats(hourly: Map<number, number>, now: number) {
  const nowSeconds = Math.floor(now / 1000);
  const thisHour = floorTo(nowSeconds, HOUR);
  const last24h: [number, number][] = [];
  for (let hour = thisHour - 23 * HOUR; hour <= thisHour; hour += HOUR) {
    last24h.push([hour, hourly.get(hour) ?? 0]);
  }
  const today = floorTo(nowSeconds, DAY);
  const daily = new Map<number, number>();
  for (const [hour, count] of hourly) {
    const day = floorTo(hour, DAY);
    daily.set(day, (daily.get(day) ?? 0) + count);
  }
  const last30d: [number, number][] = [];
  for (let day = today - 29 * DAY; day <= today; day += DAY) {
    last30d.push([day, daily.get(day) ?? 0]);
  }
  return { '24h': last24h, '30d': last30d };
}

/** The first hour (seconds) `issueStats` needs. */
export function statsSince(now: number): number {
  return floorTo(Math.floor(now / 1000), DAY) - 29 * DAY;
}
