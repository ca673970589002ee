import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	abandonedError,
	failureToNodeError,
	otherRequestError,
	unexpectedAnswerError,
} from './errors';
import { metalMessageOf, networkFailureOf, type RequestFailure } from './failures';
import { RateLimitGate } from './rateLimitGate';
import { isRetryable, retryDelayMs, type RetryPolicy } from './retryPolicy';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface MetalRequest {
	method: IHttpRequestMethods;
	/** Path under the Base URL, starting with `/v1/`. */
	path: string;
	body?: IDataObject;
	/** What the request creates, such as "workspace", so that errors can say whether it may exist. */
	creates?: string;
	/** The input item the request is for, named in errors. */
	itemIndex?: number;
	/** The error for a 404, when the operation can say better what was not found. */
	notFound?: { message: string; description: string };
	/** Asked before each retry: true when the run is stopping and the request should not go again. */
	stopping?: () => boolean;
}

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** The one place that talks HTTP to Metal: authentication, timeouts, retries and error wording. */
export class MetalClient {
	private readonly gate: RateLimitGate;

	private constructor(
		private readonly context: Context,
		readonly baseUrl: string,
		private readonly timeoutMs: number,
		concurrency: number,
	) {
		this.gate = new RateLimitGate(concurrency);
	}

	/**
	 * Reads the Base URL once per run, so that a bad one fails before any item is sent.
	 * `concurrency` is the most requests the run keeps in flight.
	 */
	static async create(
		context: Context,
		{
			timeoutMs = DEFAULT_TIMEOUT_MS,
			concurrency = 1,
		}: { timeoutMs?: number; concurrency?: number } = {},
	): Promise<MetalClient> {
		const credentials = await context.getCredentials<{ baseUrl?: unknown }>('metalApi');
		const baseUrl = parseBaseUrl(context, credentials.baseUrl);
		return new MetalClient(context, baseUrl, timeoutMs, concurrency);
	}

	get node() {
		return this.context.getNode();
	}

	/** Sends the request, retrying as the policy allows, and resolves to Metal's JSON answer. */
	async request(request: MetalRequest, policy: RetryPolicy): Promise<IDataObject> {
		let waitedMs = 0;
		let backoffMs = 0;
		for (let tries = 1; ; tries++) {
			const answer = await this.tryOnce(request, backoffMs);
			waitedMs += answer.waitedMs;
			if (!('kind' in answer.result)) return answer.result.body;
			backoffMs = this.nextBackoff(answer.result, policy, tries, waitedMs);
			if (Number.isNaN(backoffMs)) {
				throw failureToNodeError(this.node, answer.result, {
					...request,
					tries,
					baseUrl: this.baseUrl,
					timeoutMs: this.timeoutMs,
				});
			}
		}
	}

	/**
	 * One try: a place in flight (every try queues anew, so retries respect a limit lowered by
	 * 429s), the wait the gate or the backoff asks for, then the request.
	 */
	private async tryOnce(request: MetalRequest, backoffMs: number) {
		await this.gate.enter();
		try {
			const waitedMs = Math.max(backoffMs, this.gate.waitMs());
			// A cancelled execution ends the wait at once (sleep rejects with the cancellation).
			if (waitedMs > 0) await sleep(waitedMs, this.cancelSignal());
			// Queued for a place or waiting out a backoff while the run began to stop: not sent.
			if (request.stopping?.()) throw abandonedError(this.node, request);
			const result = await this.send(request);
			if (!('kind' in result)) this.gate.succeeded();
			return { result, waitedMs };
		} finally {
			this.gate.leave();
		}
	}

	/** For answers of the form `{ "data": { ... } }`: resolves to the `data` object. */
	async requestData(request: MetalRequest, policy: RetryPolicy): Promise<IDataObject> {
		const { data } = await this.request(request, policy);
		if (data !== null && typeof data === 'object' && !Array.isArray(data))
			return data as IDataObject;
		throw unexpectedAnswerError(this.node, request);
	}

	private async send(request: MetalRequest): Promise<{ body: IDataObject } | RequestFailure> {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				'metalApi',
				{
					method: request.method,
					url: `${this.baseUrl}${request.path}`,
					body: request.body,
					json: true,
					timeout: this.timeoutMs,
					returnFullResponse: true,
					// Statuses are read here rather than thrown, to decide on retries and wording.
					ignoreHttpStatusErrors: true,
					// Redirected requests keep their headers, API key included, even to another host.
					disableFollowRedirect: true,
				},
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const failure = networkFailureOf(error);
			if (failure === undefined) throw otherRequestError(this.node, error, request);
			return failure;
		}
		const { statusCode: status, body, headers } = response;
		if (status >= 200 && status < 300) return { body: (body ?? {}) as IDataObject };
		return {
			kind: 'status',
			status,
			metalMessage: metalMessageOf(body, status),
			retryAfter: headerText(headers['retry-after']),
			location: headerText(headers.location),
		};
	}

	/** The wait before the next try (a 429 also closes the gate), or NaN when the failure is final. */
	private nextBackoff(
		failure: RequestFailure,
		policy: RetryPolicy,
		tries: number,
		waitedMs: number,
	): number {
		if (!isRetryable(failure, policy) || tries >= policy.maxTries) return NaN;
		const delayMs =
			failure.kind === 'status' && failure.status === 429
				? this.gate.close(policy, failure.retryAfter)
				: retryDelayMs(policy, tries, undefined);
		return waitedMs + delayMs <= policy.maxTotalWaitMs ? delayMs : NaN;
	}

	private cancelSignal() {
		return 'getExecutionCancelSignal' in this.context
			? this.context.getExecutionCancelSignal()
			: undefined;
	}
}

function headerText(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** The credential's Base URL, normalised (scheme and host lower-case, no trailing slash). */
function parseBaseUrl(context: Context, value: unknown): string {
	let url: URL | undefined;
	try {
		url = new URL(typeof value === 'string' ? value.trim() : '');
	} catch {
		url = undefined;
	}
	const usable =
		url !== undefined &&
		['http:', 'https:'].includes(url.protocol) &&
		!url.username &&
		!url.password &&
		!url.search &&
		!url.hash;
	if (!usable) {
		throw new NodeOperationError(
			context.getNode(),
			'The Base URL in the Metal API credential is not an http(s) URL',
			{
				description:
					'Open the Metal API credential and set Base URL to https://api.metal.ai, or to the address of your proxy or local simulator, starting with https:// or http://.',
			},
		);
	}
	return `${url!.origin}${url!.pathname.replace(/\/+$/, '')}`;
}
