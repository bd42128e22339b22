/** Time steps the x axis may use, in minutes. The axis takes the smallest that keeps the tick count within the maximum. */
const minuteSteps = [1, 2, 5, 10, 15, 30, 60, 120, 240];

/**
 * Returns the tick times (epoch ms) for a time axis from `start` to `end`: whole multiples of a
 * round minute step, at most `maxTicks` of them, so the labels read as 10:15, 10:30, …
 */
export function timeTicks(start: number, end: number, maxTicks = 6): number[] {
  const spanMinutes = Math.max(0, end - start) / 60_000;
  const stepMinutes = minuteSteps.find((step) => spanMinutes / step < maxTicks) ?? minuteSteps.at(-1)!;
  const stepMs = stepMinutes * 60_000;
  const ticks: number[] = [];
  for (let tick = Math.ceil(start / stepMs) * stepMs; tick <= end && ticks.length < maxTicks; tick += stepMs) {
    ticks.push(tick);
  }
  return ticks;
}

/**
 * Returns score ticks from 0 up to at least `top`, spaced by 1, 2 or 5 times a power of ten,
 * at most `maxTicks` steps. The last tick is the top of the axis, and a top below 1 counts as 1.
 */
export function scoreTicks(top: number, maxTicks = 4): number[] {
  const limit = Math.max(1, top);
  const target = limit / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  // Scores are whole points, so the step never drops below 1.
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= target)!);
  const ticks: number[] = [];
  for (let tick = 0; ticks.length === 0 || ticks.at(-1)! < limit; tick += step) {
    ticks.push(tick);
  }
  return ticks;
}

/** Formats an epoch-ms time as hours and minutes in the viewer's time zone, such as 14:05. */
export function formatClockTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
}
