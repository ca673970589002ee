import {
	parseRetryAfterMs,
	READ_RETRY_POLICY,
	retryDelayMs,
	WRITE_RETRY_POLICY,
} from '../../../../../nodes/Metal/shared/retryPolicy';

describe('retry policy', () => {
	it('writes retry only rate limits; reads retry transient failures; both back off as Metal advises', () => {
		expect(WRITE_RETRY_POLICY).toEqual({
			retryOn: 'rateLimit',
			maxTries: 5,
			baseDelayMs: 1000,
			maxDelayMs: 30000,
			maxTotalWaitMs: 120000,
		});
		expect(READ_RETRY_POLICY).toEqual({ ...WRITE_RETRY_POLICY, retryOn: 'transient' });
	});

	it.each([
		[1, 0, 500],
		[1, 1, 1000],
		[2, 0, 1000],
		[2, 1, 2000],
		[4, 0.5, 6000],
		[6, 1, 30000],
		[10, 0, 15000],
	])('after %i failed tries with random %f waits %i ms', (failedTries, random, expected) => {
		expect(retryDelayMs(WRITE_RETRY_POLICY, failedTries, undefined, () => random)).toBe(expected);
	});

	it('lets Retry-After win over the backoff', () => {
		expect(retryDelayMs(WRITE_RETRY_POLICY, 1, '7', () => 0)).toBe(7000);
	});

	it.each([
		['0', 0],
		['12', 12000],
		[' 3 ', 3000],
		['Sun, 29 Nov 2026 10:00:05 GMT', 5000],
		['Sun, 29 Nov 2026 09:00:00 GMT', 0],
		['soon', undefined],
		['', undefined],
		[undefined, undefined],
	])('reads Retry-After %p as %p ms', (value, expected) => {
		expect(parseRetryAfterMs(value, Date.parse('2026-11-29T10:00:00Z'))).toBe(expected);
	});
});
