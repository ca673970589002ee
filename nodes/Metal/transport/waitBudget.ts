import { markOutOfTime } from './marks';

/**
 * What one request may wait, between and before its tries: at most the retry policy's total and,
 * when its caller has a deadline (a wait's Max Wait), no wait that would end past it, however long
 * the tries themselves took. A wait refused for the deadline marks the request's error out of time.
 */
export class WaitBudget {
	waitedMs = 0;

	/** No try before this time (the backoff). */
	notBefore = 0;

	constructor(
		private readonly maxTotalWaitMs: number,
		private readonly deadline?: number,
	) {}

	/** How long the request may still wait, from `now`. */
	leftMs(now = Date.now()): number {
		const byPolicy = this.maxTotalWaitMs - this.waitedMs;
		return Math.max(0, Math.min(byPolicy, this.byDeadline(now)));
	}

	/** Whether a wait of `ms` from `now` fits. */
	allows(ms: number, now = Date.now()): boolean {
		return ms <= this.leftMs(now);
	}

	/** The error of a request that ran out of its budget: out of time when the deadline ended it. */
	spent<E extends Error>(error: E, now = Date.now()): E {
		const deadlineFirst = this.byDeadline(now) < this.maxTotalWaitMs - this.waitedMs;
		return deadlineFirst ? markOutOfTime(error) : error;
	}

	private byDeadline(now: number): number {
		return this.deadline === undefined ? Infinity : this.deadline - now;
	}
}
