import { Pace, type Turn } from './pace';

/** Without a success, 429s within this long of a wave belong to it. */
const WAVE_SPACING_MS = 1_000;

/**
 * One per run, shared by all its requests, so that a rate limit is met by the run as a whole rather
 * than by each request on its own (which makes the storm worse):
 * - at most `most` requests are in flight (Max Concurrent Requests);
 * - a wave of 429s (requests sent after the previous wave) sets a pace below the rate Metal was
 *   accepting (see Pace): requests then go out evenly spaced, so the run settles just under the limit;
 * - the requests the first wave turned away wait out the backoff (Metal's guide: from 1 s, doubling)
 *   while the rest of the run goes on at the pace; later waves need no backoff, the pace is one;
 * - a wave that follows another without a success between them closes the gate for the whole run,
 *   for the backoff; a Retry-After always does, for as long as it asks. 429s of requests sent before
 *   a wave belong to it and count once.
 */
export class RateLimitGate {
	private inFlight = 0;

	private readonly queue: Array<() => void> = [];

	private resumeAt = 0;

	/** When the gate last opened after a pause, as the pace was told. */
	private resumedAt = 0;

	/** Waves of 429s in a row, without a success between them. */
	private level = 0;

	private lastWaveAt = -Infinity;

	/** Requests that got through since the last wave, and the pace they were sent under. */
	private held = { generation: 0, successes: 1 };

	/** Until when the requests of the last wave step back; `undefined` when they did not. */
	private waveHeldUntil: number | undefined;

	private readonly pace = new Pace();

	constructor(private readonly most: number) {}

	/** Resolves when the request may take a place in flight; pair with `leave()`. */
	async enter(): Promise<void> {
		if (this.inFlight < this.most) {
			this.inFlight++;
			return;
		}
		await new Promise<void>((resolve) => this.queue.push(resolve));
	}

	leave(): void {
		const next = this.queue.shift();
		if (next) next();
		else this.inFlight--;
	}

	/** How long a request must still wait before it may be sent, while the gate is closed. */
	waitMs(now = Date.now()): number {
		return Math.max(0, this.resumeAt - now);
	}

	/**
	 * Resolves at the request's turn under the run's pace, the gate being open: 'late' when it has not
	 * come within `withinMs`, undefined when the run stops first.
	 */
	async turn(signal?: AbortSignal, withinMs = Infinity, now = Date.now()) {
		if (this.resumeAt > this.resumedAt && now >= this.resumeAt) {
			this.resumedAt = this.resumeAt;
			this.pace.resumed(now);
		}
		return await this.pace.turn(signal, withinMs);
	}

	/**
	 * A 429 for a request sent at `turn`: Metal's Retry-After (`requestedMs`), or the backoff
	 * `backoff(level)` when the gate must close. Returns how long that request waits before its retry,
	 * and whether the 429 starts a wave (else the run has already slowed down for it, and the request's
	 * try is not counted against it).
	 */
	close(
		requestedMs: number | undefined,
		backoff: (level: number) => number,
		turn: Turn,
		now = Date.now(),
	): { delayMs: number; newWave: boolean } {
		if (requestedMs !== undefined) this.resumeAt = Math.max(this.resumeAt, now + requestedMs);
		// The wave that ends the pace's search, while it is measured: its 429s count for nothing.
		if (requestedMs === undefined && this.pace.measures(turn, now)) {
			return { delayMs: this.waitMs(now), newWave: false };
		}
		// A new wave: this request went out under the pace in force, and either some requests sent
		// under it got through since the last wave (the pace held, then met the limit again), or it
		// went out after that wave's backoff (still limited: waves in a row), or none got through for
		// a whole second. Other 429s meet a limit the new pace has not yet eased.
		const successes = this.successesUnder(turn);
		const newWave =
			this.pace.current(turn) &&
			(successes > 0 ||
				(this.waveHeldUntil !== undefined && turn.at >= this.waveHeldUntil) ||
				now - this.lastWaveAt >= WAVE_SPACING_MS);
		if (newWave) {
			const paced = Number.isFinite(this.pace.perSecond);
			if (successes === 0) this.level++;
			else this.level = 1;
			this.held.successes = 0;
			this.lastWaveAt = now;
			// The whole run waits for a Retry-After, and for waves in a row: the pace knows it.
			this.pace.throttled(now, requestedMs !== undefined || this.level > 1, turn.at);
			// The requests the wave turned away step back for the backoff; once a pace is set, it is
			// the backoff, and waves in a row mean more is needed.
			const stepBack = requestedMs ?? (paced && this.level === 1 ? 0 : backoff(this.level));
			this.waveHeldUntil = stepBack > 0 ? now + stepBack : undefined;
			// The whole run stops only for a Retry-After or for waves in a row: after the first wave
			// it goes on at the pace that wave set.
			const closeFor = requestedMs ?? (this.level > 1 ? stepBack : 0);
			this.resumeAt = Math.max(this.resumeAt, now + closeFor);
			return { delayMs: stepBack, newWave };
		}
		const heldMs = (this.waveHeldUntil ?? now) - now;
		return { delayMs: Math.max(this.waitMs(now), heldMs), newWave };
	}

	/** The request sent at `turn` got through. */
	succeeded(turn: Turn, now = Date.now()): void {
		// Only what was sent under the pace in force says that it held; a late answer from before
		// the wave says nothing of it.
		if (this.pace.current(turn)) {
			this.held = { generation: turn.generation, successes: this.successesUnder(turn) + 1 };
		}
		// A measure that ends is the wave's new pace: the wave is dated from then.
		if (this.pace.succeeded(turn, now)) this.lastWaveAt = now;
	}

	/** Requests sent under the same pace as `turn` that got through since the last wave. */
	private successesUnder(turn: Turn): number {
		// Successes under an earlier pace say nothing of this one.
		return this.held.generation === turn.generation ? this.held.successes : 0;
	}

	/** Requests per second the run may send now; Infinity while unpaced (for tests and diagnostics). */
	get paceLimit(): number {
		return this.pace.perSecond;
	}
}
