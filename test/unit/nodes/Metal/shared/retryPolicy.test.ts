import type { RequestFailure } from '../../../../../nodes/Metal/shared/failures';
import {
	isRetryable,
	parseRetryAfterMs,
	READ_RETRY_POLICY,
	retryDelayMs,
	WRITE_RETRY_POLICY,
} from '../../../../../nodes/Metal/shared/retryPolicy';

describe('retry policy', () => {
	it('writes retry only rate limits; reads retry transient failures; both back off as Metal advises', () => {
		expect(WRITE_RETRY_POLICY).toEqual({
			retryOn: 'unsentOnly',
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

	const status = (code: number): RequestFailure => ({
		kind: 'status',
		status: code,
		metalMessage: '',
	});
	const connection = (code: string, reached: boolean, transient: boolean): RequestFailure => ({
		kind: 'connection',
		code,
		reached,
		transient,
	});

	it.each<[string, RequestFailure, boolean, boolean]>([
		['429', status(429), true, true],
		['500', status(500), false, true],
		['503', status(503), false, true],
		['400', status(400), false, false],
		['401', status(401), false, false],
		['404', status(404), false, false],
		['422', status(422), false, false],
		['a timeout', { kind: 'timeout' }, false, true],
		['a refused connection', connection('ECONNREFUSED', false, true), true, true],
		['a dropped connection', connection('ECONNRESET', true, true), false, true],
		['an unknown host', connection('ENOTFOUND', false, false), false, false],
		['a bad certificate', connection('CERT_HAS_EXPIRED', false, false), false, false],
	])('%s: retried by writes %p, by reads %p', (_, failure, write, read) => {
		expect(isRetryable(failure, WRITE_RETRY_POLICY)).toBe(write);
		expect(isRetryable(failure, READ_RETRY_POLICY)).toBe(read);
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
