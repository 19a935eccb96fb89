/** At most `limit` events in any `windowMs`: a sliding window of accepted timestamps (per connection). */
export class RateWindow {
  private readonly times: number[] = [];
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Takes a slot if one is free; false means "refuse this one". */
  tryTake(now = Date.now()): boolean {
    while (this.times.length && this.times[0]! <= now - this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }
}
