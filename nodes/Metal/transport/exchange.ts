import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';

import type { Effect } from './effect';
import { otherRequestError, unexpectedAnswerError } from './errors';
import { metalMessageOf, networkFailureOf, type RequestFailure } from './failures';
import { whenAborted } from './pause';
import type { Redactor } from './redact';
import { parseRetryAfterMs } from './retryPolicy';

/** One request as an operation states it. */
export interface MetalCall {
	method: IHttpRequestMethods;
	/** Path under the Base URL, starting with `/v1/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** A call with what the run knows of it: its effect, its item, and the signal that stops it. */
export interface Exchange extends MetalCall {
	effect: Effect;
	itemIndex?: number;
	/** Aborts when the run stops or the execution is cancelled: a request not yet sent is dropped. */
	signal?: AbortSignal;
	/** No retry starts after this time (epoch milliseconds): a wait's Max Wait. */
	deadline?: number;
}

export type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** How a run reaches Metal, resolved once per run from the credential and the node's options. */
export interface Connection {
	context: Context;
	baseUrl: string;
	headers: Record<string, string>;
	/** Scrubs the credential's secrets from whatever comes back. */
	redactor: Redactor;
	timeoutMs: number;
}

/**
 * One exchange with Metal through n8n's HTTP helper: the object of a 2xx answer, or how the request
 * failed, for the caller to retry or word. Throws what no retry mends: a cancelled execution, a 2xx
 * answer that is not a JSON object, an error n8n's helper does not explain.
 */
export async function exchangeOnce(
	{ context, baseUrl, headers, redactor, timeoutMs }: Connection,
	exchange: Exchange,
): Promise<{ body: IDataObject } | RequestFailure> {
	const node = context.getNode();
	// Timeout is a deadline for the whole exchange, not only for a silent socket: an answer that
	// trickles in byte by byte ends at the same time.
	const deadline = AbortSignal.timeout(timeoutMs);
	const cancel = cancelSignalOf(context);
	// One signal for both: the deadline, and the execution being cancelled.
	const abort = new AbortController();
	deadline.addEventListener('abort', () => abort.abort(), { once: true });
	const forget = cancel ? whenAborted(cancel, () => abort.abort()) : () => {};
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequest({
			method: exchange.method,
			url: `${baseUrl}${exchange.path}`,
			qs: exchange.qs,
			body: exchange.body,
			// A copy: n8n may add tracing headers to the object it is given.
			headers: { ...headers },
			json: true,
			timeout: timeoutMs,
			abortSignal: abort.signal,
			returnFullResponse: true,
			// Statuses are read here rather than thrown, to decide on retries and wording.
			ignoreHttpStatusErrors: true,
			// Redirected requests keep their headers, API key included, even to another host.
			disableFollowRedirect: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		if (deadline.aborted && !cancel?.aborted) return { kind: 'timeout' };
		if (cancel?.aborted) throw otherRequestError(node, 'the execution was cancelled', exchange);
		const failure = networkFailureOf(error);
		if (failure !== undefined) return failure;
		const text = redactor.message(error instanceof Error ? error.message : String(error));
		throw otherRequestError(node, text, exchange);
	} finally {
		forget();
	}
	const { statusCode: status, body, headers: answered } = response;
	if (status >= 200 && status < 300) {
		if (isObject(body)) return { body: redactor.answer(body) };
		// A success without content (a 204) is an answer with nothing in it, for the caller to read.
		if (body === undefined || body === null || body === '') return { body: NO_CONTENT };
		throw unexpectedAnswerError(node, exchange, 'data', redactor.quote(body));
	}
	const metal = metalMessageOf(body);
	const location = headerText(answered.location);
	return {
		kind: 'status',
		status,
		metalMessage: metal === undefined ? `HTTP ${status}` : redactor.message(metal),
		retryAfterMs: parseRetryAfterMs(headerText(answered['retry-after'])),
		location: location === undefined ? undefined : redactor.message(location),
	};
}

function cancelSignalOf(context: Context): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/** The answer of a success without content: an object with nothing in it, quoted as nothing. */
export const NO_CONTENT: IDataObject = Object.freeze({});

export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function headerText(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}
