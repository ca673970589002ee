import { pause, whenAborted } from './pause';

/** A request's turn under the pace: when it went, and under which pace. */
export interface Turn {
	at: number;
	generation: number;
}

type Waiter = (turn: Turn) => void;

const QUEUED = Symbol('queued');

/**
 * The dispatcher of the pace (see Pace): requests queue for their turns, given out evenly spaced
 * at the pace in force, read afresh at each turn, so that a new pace applies at once. Kept apart
 * from the pace's decisions (how fast) because this is the how: the queue, the schedule and its
 * timer, which must not outlive the last request waiting.
 */
export class Turns {
	private nextTurn = 0;

	private generation = 0;

	private readonly queue: Waiter[] = [];

	private dispatching = false;

	/** The dispatcher's wait for the next turn, while it waits. */
	private nap: AbortController | undefined;

	/** `rate`: the requests per second of the pace in force; Infinity while unpaced. */
	constructor(private readonly rate: () => number) {}

	/** How many requests wait for their turns. */
	get waiting(): number {
		return this.queue.length;
	}

	/**
	 * Resolves when the request may be sent: at once while unpaced, else at its turn in the queue;
	 * 'late' when it has not come within `withinMs`, undefined when `signal` aborts first (either
	 * way the request leaves the queue).
	 */
	async take(signal?: AbortSignal, withinMs = Infinity): Promise<Turn | 'late' | undefined> {
		if (!Number.isFinite(this.rate()) && this.queue.length === 0) return this.give(Date.now());
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

	/** A new pace: turns given from now on are under it, the schedule starting from now. */
	restart(now: number): void {
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
				if (Number.isFinite(this.rate()) && this.nextTurn > now) {
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
		if (Number.isFinite(this.rate())) {
			const interval = 1000 / this.rate();
			const due = onWaking ? Math.max(now - interval, this.nextTurn) : Math.max(now, this.nextTurn);
			this.nextTurn = due + interval;
		}
		return { at: now, generation: this.generation };
	}
}
