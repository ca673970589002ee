/**
 * The bookkeeping behind the pace (see Pace): what got through, when it was sent, how long answers
 * take, and from these the rate Metal accepted over a window. Kept apart from the pace's decisions
 * (the search, the waves, the recovery) because it only records and counts: the pace reads it at
 * each wave and at the end of a measure.
 */

/** How far back rates are measured, in milliseconds. */
export const WINDOW_MS = 1_000;
/** The shortest stretch of sending a rate is measured over; shorter says too little. */
export const MIN_SPAN_MS = 250;

export class Throughput {
	/** Since when the run has been sending without a pause (the gate closed in between). */
	private sendingSince = 0;

	/** When the requests that got through were sent, over the last window or so. */
	private readonly successes: number[] = [];

	private smoothedRoundTripMs = 0;

	/** How long an answer takes, smoothed: what got through is counted by when it was sent. */
	get roundTripMs(): number {
		return this.smoothedRoundTripMs;
	}

	/** The run sends again after a pause: rates are measured from `now` on. */
	resumed(now: number): void {
		this.sendingSince = now;
	}

	/** The request sent at `sentAt` got through, answered at `now`. */
	succeeded(sentAt: number, now: number): void {
		this.smoothedRoundTripMs = this.smoothedRoundTripMs * 0.8 + (now - sentAt) * 0.2;
		this.successes.push(sentAt);
		if (this.successes.length > 4096) this.successes.splice(0, 2048);
	}

	/** How many of the requests that got through were sent after `from` and by `to`. */
	sentBetween(from: number, to = Infinity): number {
		return this.successes.filter((at) => at > from && at <= to).length;
	}

	/**
	 * Requests sent per second that got through, over the last second of sending (since the last
	 * pause) whose answers are in: Infinity when that stretch is too short to say.
	 */
	acceptedPerSecond(now: number, windowMs = WINDOW_MS): number {
		const to = now - this.roundTripMs;
		const from = Math.max(to - windowMs, this.sendingSince);
		if (to - from < MIN_SPAN_MS) return Infinity;
		return (this.sentBetween(from, to) * 1000) / (to - from);
	}
}
