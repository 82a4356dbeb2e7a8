/** Overlay time travel: the overlay URL that replays a past stretch of chat. */

export const SPEEDS = [1, 2, 3, 5, 10];
export const LENGTHS_MINUTES = [1, 5, 10, 30, 60, 180];

/** The overlay's URL asking for `minutes` of chat from `from`, at `speed` times its pace. */
export function replayUrl(overlayUrl: string, from: Date, minutes: number, speed: number): string {
  const to = new Date(from.getTime() + minutes * 60_000);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), speed: String(speed) });
  return `${overlayUrl}?${query}`;
}

/** A time as a `datetime-local` input shows it: local, to the minute. */
export function localInput(time: Date): string {
  const local = new Date(time.getTime() - time.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
