/**
 * Group commit for work items that arrive concurrently: the first item starts a run at once
 * (no added latency when the system is quiet); items that arrive while a run is in flight wait
 * and go together in the next run, up to `maxBatch`. One run = one transaction for the whole
 * group, so under load the fixed costs of a transaction (round trips, commit, WAL flush) are
 * paid once per group instead of once per item.
 *
 * `run` answers every item of its group (a result or an Error per item); if it throws, every
 * item of the group gets that error.
 */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupRunner<T, R> {
  private readonly waiting: Array<Waiting<T, R>> = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: readonly T[]) => Promise<Array<ItemOutcome<R>>>,
    private readonly maxBatch: number,
    /** Groups run side by side (e.g. one per database connection the writer may use). */
    private readonly concurrency = 1,
  ) {
    if (maxBatch < 1 || concurrency < 1) throw new Error('maxBatch and concurrency must be at least 1');
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Runs started and items they carried since start (items ÷ runs = the mean group size). */
  readonly stats = { runs: 0, items: 0 };

  /** Items waiting for a run (not counting those in flight). */
  get backlog(): number {
    return this.waiting.length;
  }

  /**
   * Starts runs on the next turn of the event loop (setImmediate), not at once: the requests
   * read in the same I/O phase all submit first and go together. This matters most with the
   * embedded database, whose statements run on this thread: a run started at once would do
   * its whole transaction before the next request is even read, and every group would be one.
   */
  private pump(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startRuns();
    });
  }

  private startRuns(): void {
    while (this.running < this.concurrency && this.waiting.length) {
      const group = this.waiting.splice(0, this.maxBatch);
      this.running++;
      this.stats.runs++;
      this.stats.items += group.length;
      void this.runGroup(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async runGroup(group: Array<Waiting<T, R>>): Promise<void> {
    let outcomes: Array<ItemOutcome<R>>;
    try {
      outcomes = await this.run(group.map((w) => w.item));
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    }
    group.forEach((w, i) => {
      const o = outcomes[i];
      if (!o) w.reject(new Error('group run returned no outcome for an item'));
      else if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }
}
