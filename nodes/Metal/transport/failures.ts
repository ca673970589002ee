import type { IDataObject } from 'n8n-workflow';

/** How a request to Metal failed, in the terms that decide whether it may be retried. */
export type RequestFailure =
	| {
			kind: 'status';
			status: number;
			/** Metal's (or a proxy's) error text, secrets scrubbed. */
			metalMessage: string;
			/** Retry-After, when the answer had a valid one. */
			retryAfterMs?: number;
			location?: string;
	  }
	| { kind: 'timeout' }
	| {
			kind: 'connection';
			code: string;
			/** False when the request cannot have arrived: Metal acted on nothing. */
			reached: boolean;
			/** Whether the same request may well succeed a moment later. */
			transient: boolean;
	  };

// Failures before a single byte of the request reached Metal: DNS, routing, refused, TLS.
const NOT_REACHED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'ERR_INVALID_URL',
	'EPROTO',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
]);

// Failures after the request may have arrived: the connection broke before the answer.
const REACHED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

// Worth another try: a restart, a blip. Certificates and bad URLs stay wrong.
const TRANSIENT = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	...REACHED,
]);

/** Metal's own words from an error body `{ "error": "..." }`, or undefined when there are none. */
export function metalMessageOf(body: unknown): string | undefined {
	const text = (body as IDataObject | undefined)?.error;
	return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/**
 * Reads a network error thrown by n8n's HTTP helper: an Axios error wrapped in a NodeApiError, with
 * the code on its `cause`. Returns undefined for anything else (a cancelled run, a blocked address).
 */
export function networkFailureOf(error: unknown): RequestFailure | undefined {
	const inner = ((error as { cause?: unknown })?.cause ?? error) as {
		code?: unknown;
		message?: unknown;
	};
	const code = typeof inner?.code === 'string' ? inner.code : undefined;
	if (code === undefined) return undefined;
	const message = typeof inner.message === 'string' ? inner.message : '';
	if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(message))) {
		return { kind: 'timeout' };
	}
	if (!NOT_REACHED.has(code) && !REACHED.has(code)) return undefined;
	return { kind: 'connection', code, reached: REACHED.has(code), transient: TRANSIENT.has(code) };
}

/** Whether Metal may have acted on the request before it failed: it may have reached Metal. */
export function mayHaveReached(failure: RequestFailure): boolean {
	switch (failure.kind) {
		case 'timeout':
			return true;
		case 'connection':
			return failure.reached;
		case 'status':
			return failure.status >= 500 || (failure.status >= 300 && failure.status < 400);
	}
}
