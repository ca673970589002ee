import { DECREASE, RECOVERY, recovered, type WaveKind } from './recovery';
import { MIN_SPAN_MS, Throughput, WINDOW_MS } from './throughput';
import { Turns, type Turn } from './turns';
import { WaveMeasure } from './waveMeasure';

export type { Turn };

/**
 * While no pace has yet proved too high, it doubles every this many seconds. The wave that ends the
 * search is measured (see WaveMeasure), so the search may be fast. When the first wave made the run
 * wait (a Retry-After), the next will likely too: the run may not send to measure it, and reads the
 * limit from what got through over the last quarter second, which a pace that grows fast would
 * skew, so the search is slower.
 */
const DOUBLING_S = { waited: 0.35, paced: 0.15 };
/**
 * The most a search grows at once: time nobody queued for the pace (the run waited out a
 * Retry-After, its requests a backoff) counts for no more than this many doublings.
 */
const MAX_STEP_DOUBLINGS = 3;
/** The slowest pace: one request every two seconds. */
const MIN_RATE = 0.5;

/**
 * Paces how fast a run sends once Metal has said "too many requests", the way TCP's congestion
 * control and the adaptive retry modes of the large cloud SDKs do:
 * - no pace until the first 429; then a pace from what Metal was accepting, doubling while the run
 *   uses it, until a wave of 429s shows where the limit is; that wave is measured, the pace holding
 *   a moment longer, so the search can be fast;
 * - at each wave the pace drops below the rate Metal accepted over the last second of sending,
 *   climbs back to it along a cubic curve (fast at first, flat near the limit) and probes above it
 *   slowly at first, so a run settles just under the limit instead of meeting it again and again,
 *   yet does not stay long below a limit it measured too low.
 * Requests queue for their turns, given out evenly spaced at the pace in force, so a new pace applies
 * at once. A pace the run does not use (nobody queues) is not raised.
 */
export class Pace {
	private rate = Infinity;

	/** The rate Metal accepted at the last wave; undefined while still searching for it. */
	private ceiling: number | undefined;

	private changedAt = 0;

	private grownAt = 0;

	/** What got through, when it was sent, and how long answers take. */
	private readonly sent = new Throughput();

	/** The queue of requests for their turns, given out at the pace in force. */
	private readonly turns = new Turns(() => this.rate);

	/** Whether the whole run waited for the last wave ('waited') or went on at the pace ('paced'). */
	private kind: WaveKind = 'waited';

	/** The measure of the wave that ended the search, while it lasts. */
	private measuring: WaveMeasure | undefined;

	/** The requests per second the run may send now; Infinity while unpaced. */
	get perSecond(): number {
		return this.rate;
	}

	/** Resolves when the request may be sent, at its turn under the pace (see Turns.take). */
	turn(signal?: AbortSignal, withinMs = Infinity): Promise<Turn | 'late' | undefined> {
		return this.turns.take(signal, withinMs);
	}

	/** Whether a turn was given under the pace in force now. */
	current(turn: Turn): boolean {
		return this.turns.current(turn);
	}

	/** The run starts sending again after a pause: rates are measured from now on. */
	resumed(now: number): void {
		this.sent.resumed(now);
	}

	/** The request sent at `turn` got through. Returns true when that ended a measure (a new pace). */
	succeeded(turn: Turn, now: number): boolean {
		this.sent.succeeded(turn.at, now);
		if (this.measuring) {
			// The measure ends once the answers to what was sent until its end are in.
			if (this.measuring.awaitsAnswers(turn.at, now)) return false;
			this.measured(now);
			return true;
		}
		// A pace only grows while requests queue for it.
		if (!Number.isFinite(this.rate) || this.turns.waiting === 0) return false;
		const doublings = (now - this.grownAt) / 1000 / DOUBLING_S[this.kind];
		this.rate =
			this.ceiling === undefined
				? this.rate * 2 ** Math.min(doublings, MAX_STEP_DOUBLINGS)
				: this.ceiling * recovered((now - this.changedAt) / 1000, RECOVERY[this.kind]);
		this.grownAt = now;
		return false;
	}

	/**
	 * A wave of 429s, met by a request sent at `sentAt` (`waited`: the whole run waits for it, for a
	 * Retry-After or a backoff): the pace drops below the rate Metal accepted; while searching, and
	 * the run goes on, once that rate is measured.
	 */
	throttled(now: number, waited = false, sentAt = now): void {
		// A wave the run waits for ends a measure (see `measures`): it can no longer send to measure.
		this.measuring = undefined;
		if (this.ceiling === undefined && Number.isFinite(this.rate) && !waited) {
			this.measuring = new WaveMeasure(this.sent, sentAt, now);
			return;
		}
		this.kind = waited ? 'waited' : 'paced';
		const accepted = this.sent.acceptedPerSecond(now);
		if (!Number.isFinite(this.rate)) {
			// The first wave: start from what got through over the last second, then search upwards.
			const through = this.sent.sentBetween(now - WINDOW_MS);
			this.rate = Math.max(MIN_RATE, (through * 1000) / WINDOW_MS);
			this.sent.resumed(now);
		} else {
			// While searching, the pace rose faster than a second's measure can follow: what got
			// through over the last quarter second says more (or, too short to say, half the pace).
			const measured =
				this.ceiling === undefined ? this.sent.acceptedPerSecond(now, MIN_SPAN_MS) : accepted;
			const fallback = this.ceiling === undefined ? this.rate / 2 : this.rate;
			this.ceiling = Math.max(
				MIN_RATE,
				Math.min(this.rate, Number.isFinite(measured) ? measured : fallback),
			);
			this.rate = this.ceiling * DECREASE;
		}
		this.newPace(now);
	}

	/**
	 * Whether the 429 (without Retry-After) for the request sent at `turn` belongs to the wave being
	 * measured: it counts for nothing, and the request goes again at the pace. One sent a second
	 * after the measure's end ends it, whatever got through.
	 */
	measures(turn: Turn, now: number): boolean {
		if (this.measuring === undefined) return false;
		if (this.measuring.holds(turn.at)) return true;
		this.measured(now);
		return false;
	}

	/**
	 * The measure is over: what got through while it lasted is the limit's rate (else what got
	 * through just before it, else half the pace), and the pace drops below it.
	 */
	private measured(now: number): void {
		const limit = this.measuring!.limit();
		this.measuring = undefined;
		this.ceiling = Math.max(MIN_RATE, Math.min(this.rate, limit > 0 ? limit : this.rate / 2));
		this.rate = this.ceiling * DECREASE;
		this.kind = 'paced';
		this.newPace(now);
	}

	/** A new pace: turns given from now on are under it, and it recovers from now. */
	private newPace(now: number): void {
		this.changedAt = now;
		this.grownAt = now;
		this.turns.restart(now);
	}
}
