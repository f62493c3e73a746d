/** Open streams an organiser may hold at once (tabs, a wall screen, a phone): each one replays the log and holds a connection. */
export const MAX_STREAMS_PER_ORGANISER = 10;

/** Counts the streams each holder has open; `open` refuses past the limit, `close` gives a place back. */
export class StreamQuota {
  private readonly open_ = new Map<string, number>();

  constructor(private readonly limit = MAX_STREAMS_PER_ORGANISER) {}

  open(holder: string): boolean {
    const count = this.open_.get(holder) ?? 0;
    if (count >= this.limit) return false;
    this.open_.set(holder, count + 1);
    return true;
  }

  close(holder: string): void {
    const count = (this.open_.get(holder) ?? 0) - 1;
    if (count > 0) this.open_.set(holder, count);
    else this.open_.delete(holder);
  }

  openBy(holder: string): number {
    return this.open_.get(holder) ?? 0;
  }
}
