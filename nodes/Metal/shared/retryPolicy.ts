import type { RequestFailure } from './failures';

/**
 * When a request may be sent again, and for how long. Policies are data so that each operation picks
 * its own: a create must never be repeated after Metal may have acted on it, a read may.
 */
export interface RetryPolicy {
	/**
	 * `unsentOnly`: only failures after which Metal cannot have acted (429, and connections that never
	 * reached it), so a retry cannot create anything twice.
	 * `transient`: also 5xx, timeouts and dropped connections, for requests that change nothing.
	 */
	retryOn: 'unsentOnly' | 'transient';
	/** Tries in all, the first one included. */
	maxTries: number;
	/** The first backoff; each further one doubles, up to `maxDelayMs`. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** The most one request may spend waiting between its tries, Retry-After included. */
	maxTotalWaitMs: number;
}

// Metal's rate-limit guide starts at 1 s, doubles, and gives up after 5 tries.
const BACKOFF = { maxTries: 5, baseDelayMs: 1_000, maxDelayMs: 30_000, maxTotalWaitMs: 120_000 };

export const WRITE_RETRY_POLICY: RetryPolicy = { retryOn: 'unsentOnly', ...BACKOFF };

export const READ_RETRY_POLICY: RetryPolicy = { retryOn: 'transient', ...BACKOFF };

/** For the editor's pickers: someone is waiting, so one quick second try at most. */
export const PICKER_RETRY_POLICY: RetryPolicy = {
	retryOn: 'transient',
	maxTries: 2,
	baseDelayMs: 1_000,
	maxDelayMs: 1_000,
	maxTotalWaitMs: 1_000,
};

export function isRetryable(failure: RequestFailure, policy: RetryPolicy): boolean {
	switch (failure.kind) {
		case 'status':
			return failure.status === 429 || (policy.retryOn === 'transient' && failure.status >= 500);
		case 'timeout':
			return policy.retryOn === 'transient';
		case 'connection':
			return failure.transient && (policy.retryOn === 'transient' || !failure.reached);
	}
}

/**
 * The wait before the next try, after `failedTries` failures. A Retry-After header wins when present;
 * otherwise exponential backoff with "equal jitter": half the step is fixed, half random, so parallel
 * requests spread out but none retries at once.
 */
export function retryDelayMs(
	policy: RetryPolicy,
	failedTries: number,
	retryAfter: string | undefined,
	random: () => number = Math.random,
): number {
	const requested = parseRetryAfterMs(retryAfter);
	if (requested !== undefined) return requested;
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedTries - 1));
	return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After is either whole seconds or an HTTP date (RFC 9110, section 10.2.3). */
export function parseRetryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
