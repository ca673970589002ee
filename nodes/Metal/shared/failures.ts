import type { IDataObject } from 'n8n-workflow';

/** How a request to Metal failed, in the terms that decide whether it may be retried. */
export type RequestFailure =
	| { kind: 'status'; status: number; metalMessage: string; retryAfter?: string }
	| { kind: 'timeout' }
	/** `reached` is false when the request cannot have arrived: Metal acted on nothing. */
	| { kind: 'connection'; reached: boolean; code: string };

// Errors raised before a single byte reached Metal.
const NOT_REACHED_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_INVALID_URL',
]);

/** Metal's own words from an error body `{ "error": "..." }`, or the bare status when there are none. */
export function metalMessageOf(body: unknown, status: number): string {
	const text = (body as IDataObject | undefined)?.error;
	return typeof text === 'string' && text.trim() !== '' ? text : `HTTP ${status}`;
}

/**
 * Reads a network error thrown by n8n's HTTP helper (an Axios error, possibly wrapped in a
 * NodeApiError). Returns undefined for anything that is not a network failure, such as a
 * cancelled execution, so that it propagates unchanged.
 */
export function networkFailureOf(error: unknown): RequestFailure | undefined {
	const inner = ((error as { cause?: unknown })?.cause ?? error) as {
		code?: unknown;
		message?: unknown;
	};
	const code = typeof inner?.code === 'string' ? inner.code : undefined;
	if (code === undefined || code === 'ERR_CANCELED') return undefined;
	const message = typeof inner.message === 'string' ? inner.message : '';
	if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(message))) {
		return { kind: 'timeout' };
	}
	return { kind: 'connection', reached: !NOT_REACHED_CODES.has(code), code };
}
