import { Pace, type Turn } from './pace';

/** Without a success, 429s within this long of a wave belong to it. */
const WAVE_SPACING_MS = 1_000;

/**
 * One per run, shared by all its requests, so that a rate limit is met by the run as a whole rather
 * than by each request on its own (which makes the storm worse):
 * - at most `most` requests are in flight (Max Concurrent Requests);
 * - a wave of 429s (requests sent after the previous wave) sets a pace below the rate Metal was
 *   accepting (see Pace): requests then go out evenly spaced, so the run settles just under the limit;
 * - the first wave, and every wave that follows another without a success between them, closes the
 *   gate for the backoff (Metal's guide: from 1 s, doubling); a Retry-After always does, for as long
 *   as it asks. 429s of requests sent before a wave belong to it and count once.
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

	private successesSinceWave = 1;

	/** Whether the last wave closed the gate. */
	private wavePaused = false;

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
		// A new wave: this request went out under the pace in force, and either some requests got
		// through since the last wave (the pace held, then met the limit again), or it went out after
		// the gate reopened from that wave's pause (still limited: waves in a row), or none got through
		// for a whole second. Other 429s meet a limit the new pace has not yet eased.
		const newWave =
			this.pace.current(turn) &&
			(this.successesSinceWave > 0 ||
				(this.wavePaused && turn.at >= this.resumeAt) ||
				now - this.lastWaveAt >= WAVE_SPACING_MS);
		if (newWave) {
			const paced = Number.isFinite(this.pace.perSecond);
			if (this.successesSinceWave === 0) this.level++;
			else this.level = 1;
			this.successesSinceWave = 0;
			this.lastWaveAt = now;
			this.pace.throttled(now, requestedMs !== undefined);
			// Once the pace is set, it is the backoff; waves in a row mean more is needed.
			const closeFor = requestedMs ?? (paced && this.level === 1 ? 0 : backoff(this.level));
			this.wavePaused = closeFor > 0;
			this.resumeAt = Math.max(this.resumeAt, now + closeFor);
			return { delayMs: closeFor, newWave };
		}
		if (requestedMs !== undefined) this.resumeAt = Math.max(this.resumeAt, now + requestedMs);
		return { delayMs: Math.max(requestedMs ?? 0, this.waitMs(now)), newWave };
	}

	/** The request sent at `turn` got through. */
	succeeded(turn: Turn, now = Date.now()): void {
		this.successesSinceWave++;
		this.pace.succeeded(turn, now);
	}

	/** Requests per second the run may send now; Infinity while unpaced (for tests and diagnostics). */
	get paceLimit(): number {
		return this.pace.perSecond;
	}
}
