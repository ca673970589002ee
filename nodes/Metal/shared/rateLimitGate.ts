import { retryDelayMs, type RetryPolicy } from './retryPolicy';

/**
 * One per run, shared by all its requests: after Metal answers 429, no request is sent until the
 * wait is over, rather than each request finding the limit on its own and making the storm worse.
 * The wait grows only while the limit keeps being hit with the gate open (a burst of 429s from
 * requests already in flight counts once) and starts small again after a success.
 */
export class RateLimitGate {
	private resumeAt = 0;

	private level = 0;

	/** How long a request must wait before it may be sent. */
	waitMs(now = Date.now()): number {
		return Math.max(0, this.resumeAt - now);
	}

	/** Closes the gate after a 429; returns the wait it asked for. */
	close(policy: RetryPolicy, retryAfter: string | undefined, now = Date.now()): number {
		if (now >= this.resumeAt) this.level++;
		const delayMs = retryDelayMs(policy, this.level, retryAfter);
		this.resumeAt = Math.max(this.resumeAt, now + delayMs);
		return delayMs;
	}

	succeeded(): void {
		this.level = 0;
	}
}
