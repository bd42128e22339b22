import type { CloudTrailPage, CloudTrailRow } from '../../../../shared/model.js';
import type { RequestResult } from '../../net/request.js';
import { pagesOf, type RowWindow } from './virtual-window.js';

/** Loads one window of events from the server. */
export type PageLoader = (offset: number, limit: number) => Promise<RequestResult<CloudTrailPage>>;

/** Pages kept in memory at most; the least recently used are dropped and loaded again when needed. */
const PagesKept = 40;

/**
 * A cache of the filtered event list in fixed-size pages, filled on demand as the table scrolls.
 * One instance serves one filter: the browser creates a new one when the filter changes, so a
 * late response for an old filter can never land in the new list.
 */
export class EventPages {
  /** Number of matching events, or null until the first page has arrived. */
  total: number | null = null;
  /** The last load error as a sentence for the user, or '' when the last load worked. */
  error = '';

  private readonly pages = new Map<number, CloudTrailRow[]>();
  private readonly loading = new Map<number, Promise<void>>();

  constructor(
    private readonly load: PageLoader,
    private readonly onChange: () => void,
    readonly pageSize = 100,
  ) {}

  /** Return the row at `index`, or undefined while its page is not loaded. */
  rowAt(index: number): CloudTrailRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Load every page of `window` that is missing; resolves when all of them have arrived or failed. */
  async ensure(window: RowWindow): Promise<void> {
    const wanted = this.total === null ? [0] : pagesOf(window, this.pageSize);
    await Promise.all(wanted.map((page) => this.fetch(page)));
  }

  private fetch(page: number): Promise<void> {
    const cached = this.pages.get(page);
    if (cached) {
      // Re-inserting the key marks the page as recently used.
      this.pages.delete(page);
      this.pages.set(page, cached);
      return Promise.resolve();
    }
    const pending = this.loading.get(page);
    if (pending) return pending;

    const run = this.load(page * this.pageSize, this.pageSize).then((result) => {
      this.loading.delete(page);
      if (!result.ok) {
        this.error = result.error.message;
      } else {
        this.error = '';
        this.total = result.data.total;
        this.pages.set(page, result.data.rows);
        this.evict();
      }
      this.onChange();
    });
    this.loading.set(page, run);
    return run;
  }

  private evict(): void {
    while (this.pages.size > PagesKept) {
      const [oldest] = this.pages.keys();
      this.pages.delete(oldest!);
    }
  }
}
