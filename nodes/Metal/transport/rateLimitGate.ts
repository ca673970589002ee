/**
 * One per run, shared by all its requests, so that a rate limit is met by the run as a whole rather
 * than by each request on its own (which makes the storm worse):
 * - after a 429 no request is sent until the wait is over; the wait grows only while the limit
 *   keeps being hit with the gate open (a burst of 429s from requests already in flight counts once);
 * - each such 429 also halves how many requests may be in flight (of those that were), and every
 *   success lets one more back little by little (additive increase, multiplicative decrease, as TCP
 *   does), so the run settles at the rate Metal allows instead of releasing every request at once.
 */
export class RateLimitGate {
	private resumeAt = 0;

	private level = 0;

	private allowed: number;

	private inFlight = 0;

	private readonly queue: Array<() => void> = [];

	constructor(private readonly most: number) {
		this.allowed = most;
	}

	/** Resolves when the request may take a place in flight; pair with `leave()`. */
	async enter(): Promise<void> {
		if (this.inFlight < Math.floor(this.allowed)) {
			this.inFlight++;
			return;
		}
		await new Promise<void>((resolve) => this.queue.push(resolve));
	}

	leave(): void {
		const next = this.inFlight <= Math.floor(this.allowed) ? this.queue.shift() : undefined;
		if (next) next();
		else this.inFlight--;
	}

	/** How long a request must still wait before it may be sent. */
	waitMs(now = Date.now()): number {
		return Math.max(0, this.resumeAt - now);
	}

	/**
	 * Closes the gate after a 429 for `requestedMs` (Metal's Retry-After) or, without one, for the
	 * backoff `backoff(level)` gives; returns the wait.
	 */
	close(requestedMs: number | undefined, backoff: (level: number) => number, now = Date.now()) {
		if (now >= this.resumeAt) {
			this.level++;
			// Half of what was really in flight (this request's place is already given back).
			this.allowed = Math.max(1, Math.min(this.allowed, this.inFlight + 1) / 2);
		}
		const delayMs = requestedMs ?? backoff(this.level);
		this.resumeAt = Math.max(this.resumeAt, now + delayMs);
		return delayMs;
	}

	succeeded(): void {
		this.level = 0;
		this.allowed = Math.min(this.most, this.allowed + 1 / this.allowed);
		// A place may have opened: let a waiting request in.
		while (this.queue.length > 0 && this.inFlight < Math.floor(this.allowed)) {
			this.inFlight++;
			this.queue.shift()!();
		}
	}

	/** How many requests may be in flight now (for tests and diagnostics). */
	get capacity(): number {
		return Math.floor(this.allowed);
	}
}
