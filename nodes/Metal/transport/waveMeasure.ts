import { MIN_SPAN_MS, WINDOW_MS, type Throughput } from './throughput';

/**
 * A wave met while searching, that the run need not wait for, is measured: the pace holds for this
 * long after the first request Metal turned away, and until the answers to what was sent then are
 * in. The limiter, empty by then, lets through only what it refills: its rate. The requests it
 * turns away meanwhile go again at the pace.
 */
export const MEASURE_MS = 300;

/**
 * The measure of the wave that ends the pace's search for the limit (see Pace): from the first
 * request turned away to `until`, and the limit's rate it reads from what got through meanwhile.
 * Kept apart because it only watches a window and counts: the pace decides when it starts and what
 * the rate it reads sets.
 */
export class WaveMeasure {
	private readonly from: number;

	private readonly until: number;

	/**
	 * What got through over the quarter second before, a burst included: said only when nothing
	 * got through during the measure.
	 */
	private readonly before: number;

	/** A measure from the request sent at `sentAt`, the first of the wave, met at `now`. */
	constructor(
		private readonly sent: Throughput,
		sentAt: number,
		now: number,
	) {
		const before = sent.acceptedPerSecond(now, MIN_SPAN_MS);
		this.from = sentAt;
		this.until = sentAt + MEASURE_MS;
		this.before = Number.isFinite(before) ? before : 0;
	}

	/**
	 * Whether, with the request sent at `sentAt` through at `now`, answers to what was sent until the
	 * measure's end may still come: it ends once one sent after it got through, two round trips on.
	 */
	awaitsAnswers(sentAt: number, now: number): boolean {
		return sentAt <= this.until || now < this.until + 2 * this.sent.roundTripMs;
	}

	/** Whether a 429 for the request sent at `sentAt` belongs to the wave: sent by a second after. */
	holds(sentAt: number): boolean {
		return sentAt <= this.until + WINDOW_MS;
	}

	/**
	 * The limit's rate: what got through while the measure lasted, else what got through just before
	 * it; 0 when neither says.
	 */
	limit(): number {
		const through = this.sent.sentBetween(this.from, this.until);
		// What got through just before holds a burst too: it says something only when nothing else
		// does.
		return through > 0 ? (through * 1000) / (this.until - this.from) : this.before;
	}
}
