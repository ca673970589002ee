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

/**
 * Who waits for a request, which bounds how long its retries may take: a run of the node; someone
 * in the editor (a picker, Fetch Test Event), so one quick second try at most; or a trigger's poll,
 * which must end within the 5 tries of Metal's backoff (1 + 2 + 4 + 8 s at most), so that a failing
 * poll ends as the README says and the next one catches up (a longer Retry-After ends it at once).
 */
export type Caller = 'run' | 'editor' | 'poll';

export const POLL_WAIT_MS = 15_000;

export function forCaller(policy: RetryPolicy, caller: Caller): RetryPolicy {
	switch (caller) {
		case 'editor':
			return {
				...policy,
				maxTries: 2,
				baseDelayMs: 1_000,
				maxDelayMs: 1_000,
				maxTotalWaitMs: 1_000,
			};
		case 'poll':
			return { ...policy, maxTotalWaitMs: POLL_WAIT_MS };
		case 'run':
			return policy;
	}
}

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
 * The wait before the next try, after `failedTries` failures: exponential backoff with "equal
 * jitter" (half the step fixed, half random), so parallel requests spread out but none retries at
 * once.
 */
export function backoffMs(
	policy: RetryPolicy,
	failedTries: number,
	random: () => number = Math.random,
): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedTries - 1));
	return Math.round(step / 2 + (random() * step) / 2);
}

// RFC 9110, section 5.6.7: the preferred IMF-fixdate and the two obsolete forms a sender may use.
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
const HTTP_DATE = new RegExp(
	[
		`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`,
		`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`,
		`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`,
	].join('|'),
);

/**
 * Retry-After (RFC 9110, section 10.2.3): whole or decimal seconds, or an HTTP date. Anything else
 * ("-1", "+5", "soon") is undefined, so the exponential backoff applies rather than "retry now".
 */
export function parseRetryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
	const text = value?.trim() ?? '';
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	if (!HTTP_DATE.test(text)) return undefined;
	const date = Date.parse(text.includes('GMT') ? text : `${text} GMT`);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
