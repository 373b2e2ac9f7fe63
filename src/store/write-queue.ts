/**
 * One write at a time, in the order they were asked for: each piece of work starts when the one before it
 * has settled (kept or failed). DuckDB takes one writer per database, and one transaction per connection.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Writes running or waiting their turn. */
  get busy(): boolean {
    return this.waiting > 0;
  }

  /** Settles once every write asked so far has settled. */
  async idle(): Promise<void> {
    while (this.busy) await this.tail;
  }

  /** Runs `work` after every write queued before it; answers what it answers, or its error. */
  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting++;
    const turn = this.tail.then(work).finally(() => { this.waiting--; });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Runs `work` now if no write is running or waiting, else nothing (undefined): for a write that is
   * worth doing only when it delays nobody (a reader bringing derived data up to date). */
  runIfIdle<T>(work: () => Promise<T>): Promise<T> | undefined {
    return this.busy ? undefined : this.run(work);
  }
}
