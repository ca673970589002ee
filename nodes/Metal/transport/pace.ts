import { pause, whenAborted } from './pause';

/** After a wave of 429s, the pace drops to this share of the rate Metal accepted. */
const DECREASE = 0.85;
/**
 * How the pace climbs back after a wave: in `seconds` to `plateau` of the rate Metal accepted, then
 * upwards by `probe` of it per second, plus a cubic that alone would add the whole of it in
 * `cubicSeconds`: little at first, so a run that found the limit stays just under it, then more, so
 * that a rate measured too low (a run slowed by its own machine, a limit that rose) is not kept for
 * long. A wave the whole run waits for (a Retry-After, or a backoff after waves in a row) costs the
 * run that wait, so the pace then settles further below the limit and probes more slowly; a wave
 * the run goes on through costs only the lower pace, so it may probe sooner.
 */
const RECOVERY = {
	waited: { seconds: 3, plateau: 0.9, probe: 0.005, cubicSeconds: 30 },
	paced: { seconds: 2, plateau: 1, probe: 0.03, cubicSeconds: 6 },
};
/**
 * While no pace has yet proved too high, it doubles every this many seconds. The wave that ends the
 * search is measured (MEASURE_MS), so the search may be fast. When the first wave made the run wait
 * (a Retry-After), the next will likely too: the run may not send to measure it, and reads the limit
 * from what got through over the last quarter second, which a pace that grows fast would skew, so
 * the search is slower.
 */
const DOUBLING_S = { waited: 0.35, paced: 0.15 };
/**
 * The most a search grows at once: time nobody queued for the pace (the run waited out a
 * Retry-After, its requests a backoff) counts for no more than this many doublings.
 */
const MAX_STEP_DOUBLINGS = 3;
/**
 * A wave met while searching, that the run need not wait for, is measured: the pace holds for this
 * long after the first request Metal turned away, and until the answers to what was sent then are
 * in. The limiter, empty by then, lets through only what it refills: its rate. The requests it
 * turns away meanwhile go again at the pace.
 */
const MEASURE_MS = 300;
/** The slowest pace: one request every two seconds. */
const MIN_RATE = 0.5;
/** How far back rates are measured, in milliseconds. */
const WINDOW_MS = 1_000;
/** The shortest stretch of sending a rate is measured over; shorter says too little. */
const MIN_SPAN_MS = 250;

/** A request's turn under the pace: when it went, and under which pace. */
export interface Turn {
	at: number;
	generation: number;
}

type Waiter = (turn: Turn) => void;

/** The measure of a wave met while searching: from the first request turned away to `until`. */
interface Measure {
	from: number;
	until: number;
	/**
	 * What got through over the quarter second before, a burst included: said only when nothing
	 * got through during the measure.
	 */
	before: number;
}

const QUEUED = Symbol('queued');

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

	private nextTurn = 0;

	private generation = 0;

	/** Since when the run has been sending without a pause (the gate closed in between). */
	private sendingSince = 0;

	/** When the requests that got through were sent, over the last window or so. */
	private readonly successes: number[] = [];

	/** How long an answer takes, smoothed: what got through is counted by when it was sent. */
	private roundTripMs = 0;

	private readonly queue: Waiter[] = [];

	private dispatching = false;

	/** The dispatcher's wait for the next turn, while it waits. */
	private nap: AbortController | undefined;

	/** Whether the whole run waited for the last wave ('waited') or went on at the pace ('paced'). */
	private kind: keyof typeof RECOVERY = 'waited';

	/** The measure of the wave that ended the search, while it lasts. */
	private measuring: Measure | undefined;

	/** The requests per second the run may send now; Infinity while unpaced. */
	get perSecond(): number {
		return this.rate;
	}

	/**
	 * Resolves when the request may be sent: at once while unpaced, else at its turn in the queue;
	 * 'late' when it has not come within `withinMs`, undefined when `signal` aborts first (either
	 * way the request leaves the queue).
	 */
	async turn(signal?: AbortSignal, withinMs = Infinity): Promise<Turn | 'late' | undefined> {
		if (!Number.isFinite(this.rate) && this.queue.length === 0) return this.give(Date.now());
		let waiter: Waiter = () => {};
		const turn = new Promise<Turn>((resolve) => {
			waiter = resolve;
			this.queue.push(waiter);
		});
		void this.dispatch();
		// Most turns come at once: only a request that really queues waits, with a clock for being late.
		const first = await Promise.race([turn, Promise.resolve(QUEUED)]);
		if (first !== QUEUED) return first;
		let forget = () => {};
		const stopped = new Promise<undefined>((resolve) => {
			if (signal) forget = whenAborted(signal, () => resolve(undefined));
		});
		// The clock for being late ends with the wait, whichever way it ends.
		const waited = new AbortController();
		const late = Number.isFinite(withinMs)
			? pause(withinMs, waited.signal).then(() => 'late' as const)
			: new Promise<never>(() => {});
		try {
			return await Promise.race([turn, stopped, late]);
		} finally {
			forget();
			waited.abort();
			const index = this.queue.indexOf(waiter);
			if (index >= 0) this.queue.splice(index, 1);
			if (this.queue.length === 0) this.nap?.abort();
		}
	}

	/** Whether a turn was given under the pace in force now. */
	current(turn: Turn): boolean {
		return turn.generation === this.generation;
	}

	/** The run starts sending again after a pause: rates are measured from now on. */
	resumed(now: number): void {
		this.sendingSince = now;
	}

	/** The request sent at `turn` got through. Returns true when that ended a measure (a new pace). */
	succeeded(turn: Turn, now: number): boolean {
		this.roundTripMs = this.roundTripMs * 0.8 + (now - turn.at) * 0.2;
		this.successes.push(turn.at);
		if (this.successes.length > 4096) this.successes.splice(0, 2048);
		if (this.measuring) {
			// The answers to what was sent until the measure's end are in: one sent after it got
			// through, two round trips on.
			const { until } = this.measuring;
			if (turn.at <= until || now < until + 2 * this.roundTripMs) return false;
			this.measured(now);
			return true;
		}
		// A pace only grows while requests queue for it.
		if (!Number.isFinite(this.rate) || this.queue.length === 0) return false;
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
			const before = this.acceptedPerSecond(now, MIN_SPAN_MS);
			this.measuring = {
				from: sentAt,
				until: sentAt + MEASURE_MS,
				before: Number.isFinite(before) ? before : 0,
			};
			return;
		}
		this.kind = waited ? 'waited' : 'paced';
		const accepted = this.acceptedPerSecond(now);
		if (!Number.isFinite(this.rate)) {
			// The first wave: start from what got through over the last second, then search upwards.
			const through = this.successes.filter((at) => at > now - WINDOW_MS).length;
			this.rate = Math.max(MIN_RATE, (through * 1000) / WINDOW_MS);
			this.sendingSince = now;
		} else {
			// While searching, the pace rose faster than a second's measure can follow: what got
			// through over the last quarter second says more (or, too short to say, half the pace).
			const measured =
				this.ceiling === undefined ? this.acceptedPerSecond(now, MIN_SPAN_MS) : accepted;
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
		if (turn.at <= this.measuring.until + WINDOW_MS) return true;
		this.measured(now);
		return false;
	}

	/**
	 * The measure is over: what got through while it lasted is the limit's rate (else what got
	 * through just before it, else half the pace), and the pace drops below it.
	 */
	private measured(now: number): void {
		const { from, until, before } = this.measuring!;
		this.measuring = undefined;
		const through = this.successes.filter((at) => at > from && at <= until).length;
		// What got through just before holds a burst too: it says something only when nothing else does.
		const limit = through > 0 ? (through * 1000) / (until - from) : before;
		this.ceiling = Math.max(MIN_RATE, Math.min(this.rate, limit > 0 ? limit : this.rate / 2));
		this.rate = this.ceiling * DECREASE;
		this.kind = 'paced';
		this.newPace(now);
	}

	/** A new pace: turns given from now on are under it, and it recovers from now. */
	private newPace(now: number): void {
		this.changedAt = now;
		this.grownAt = now;
		this.nextTurn = now;
		this.generation++;
	}

	/** Gives the queued requests their turns, one every 1 / rate seconds. */
	private async dispatch(): Promise<void> {
		if (this.dispatching) return;
		this.dispatching = true;
		let woke = false;
		try {
			while (this.queue.length > 0) {
				const now = Date.now();
				if (Number.isFinite(this.rate) && this.nextTurn > now) {
					// Ended early when the last request leaves the queue, so that no timer outlives it.
					this.nap = new AbortController();
					await pause(this.nextTurn - now, this.nap.signal);
					this.nap = undefined;
					woke = true;
					continue;
				}
				this.queue.shift()!(this.give(now, woke));
				woke = false;
			}
		} finally {
			this.dispatching = false;
		}
	}

	/**
	 * A turn now, and the next one a turn later. A timer fires late, by a millisecond or more: a
	 * turn given on waking keeps to the schedule rather than to the late timer (up to one turn's
	 * worth), or the run would send below its pace. Any other turn (after an idle spell, or a new
	 * pace) starts the schedule from now, so that no two turns go out together.
	 */
	private give(now: number, onWaking = false): Turn {
		if (Number.isFinite(this.rate)) {
			const interval = 1000 / this.rate;
			const due = onWaking ? Math.max(now - interval, this.nextTurn) : Math.max(now, this.nextTurn);
			this.nextTurn = due + interval;
		}
		return { at: now, generation: this.generation };
	}

	/**
	 * Requests sent per second that got through, over the last second of sending (since the last
	 * pause) whose answers are in: Infinity when that stretch is too short to say.
	 */
	private acceptedPerSecond(now: number, windowMs = WINDOW_MS): number {
		const to = now - this.roundTripMs;
		const from = Math.max(to - windowMs, this.sendingSince);
		if (to - from < MIN_SPAN_MS) return Infinity;
		const count = this.successes.filter((at) => at > from && at <= to).length;
		return (count * 1000) / (to - from);
	}
}

/**
 * The pace after a wave, as a share of the ceiling, `t` seconds on: from DECREASE to the plateau
 * along a cubic (fast at first, flat near the plateau), then upwards, slowly at first and faster the
 * longer no wave comes.
 */
function recovered(
	t: number,
	{ seconds, plateau, probe, cubicSeconds }: typeof RECOVERY.waited,
): number {
	const above = t - seconds;
	if (above >= 0) return plateau + probe * above + (above / cubicSeconds) ** 3;
	return plateau - (plateau - DECREASE) * (1 - t / seconds) ** 3;
}
