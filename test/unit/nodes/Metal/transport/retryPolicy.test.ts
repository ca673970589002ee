import type { RequestFailure } from '../../../../../nodes/Metal/transport/failures';
import {
	isRetryable,
	parseRetryAfterMs,
	READ_RETRY_POLICY,
	backoffMs,
	WRITE_RETRY_POLICY,
} from '../../../../../nodes/Metal/transport/retryPolicy';

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
		expect(backoffMs(WRITE_RETRY_POLICY, failedTries, () => random)).toBe(expected);
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

	it.each([
		['0', 0],
		['12', 12000],
		[' 3 ', 3000],
		['1.5', 1500],
		['0.25', 250],
		['Sun, 29 Nov 2026 10:00:05 GMT', 5000],
		['Sun, 29 Nov 2026 09:00:00 GMT', 0],
		['Sunday, 29-Nov-26 10:00:07 GMT', 7000],
		['Sun Nov 29 10:00:09 2026', 9000],
		// Anything else is ignored, so the exponential backoff applies (never "retry now").
		['-1', undefined],
		['+5', undefined],
		['1e3', undefined],
		['.5', undefined],
		['5 seconds', undefined],
		['soon', undefined],
		['2026-11-29T10:00:05Z', undefined],
		['Sun, 29 Nov 2026 10:00:05', undefined],
		['29 Nov 2026 10:00:05 GMT', undefined],
		['', undefined],
		[undefined, undefined],
	])('reads Retry-After %p as %p ms', (value, expected) => {
		expect(parseRetryAfterMs(value, Date.parse('2026-11-29T10:00:00Z'))).toBe(expected);
	});
});
