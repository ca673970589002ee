import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { metalHeaders, metalSecrets } from './auth';
import { BAD_BASE_URL, parseBaseUrl } from './baseUrl';
import { retryPolicyOf, type Effect } from './effect';
import {
	abandonedError,
	failureToNodeError,
	unexpectedAnswerError,
	waitTooLongError,
} from './errors';
import {
	exchangeOnce,
	isObject,
	NO_CONTENT,
	type Connection,
	type Context,
	type Exchange,
} from './exchange';
import { mayHaveReached, type RequestFailure } from './failures';
import type { Turn } from './pace';
import { pause } from './pause';
import { RateLimitGate } from './rateLimitGate';
import { Redactor } from './redact';
import type { ItemRequests, Page } from './requests';
import { backoffMs, forCaller, isRetryable, type Caller, type RetryPolicy } from './retryPolicy';
import { WaitBudget } from './waitBudget';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Someone is waiting in the editor: fail fast rather than wait out the run-time timeout. */
const EDITOR_TIMEOUT_MS = 10_000;

/** How many times the policy's tries one request may be sent, 429s it was not held to included. */
const MAX_SENDS = 3;

/**
 * Every request to Metal goes through here: the credential resolved once per run, retries, the
 * run-wide rate-limit gate, answers checked, and the error wording. Each try is one exchange
 * (`exchangeOnce`: a deadline, cancellation, secrets scrubbed from what comes back).
 */
export class MetalClient {
	private readonly gate: RateLimitGate;

	private readonly state = new Map<string, unknown>();

	private constructor(
		private readonly connection: Connection,
		concurrency: number,
		/** Who waits for the answers, which bounds the retries. */
		private readonly caller: Caller,
	) {
		this.gate = new RateLimitGate(concurrency);
	}

	/**
	 * Resolves the credential once per run (n8n would otherwise fetch, decrypt and apply it for every
	 * request), so that a bad Base URL fails before any item is sent. `concurrency` is the most
	 * requests the run keeps in flight; `caller`, who waits for the answers (see Caller).
	 */
	static async create(
		context: Context,
		{
			caller = 'run',
			timeoutMs = caller === 'editor' ? EDITOR_TIMEOUT_MS : DEFAULT_TIMEOUT_MS,
			concurrency = 1,
		}: { timeoutMs?: number; concurrency?: number; caller?: Caller },
	): Promise<MetalClient> {
		const credentials = await context.getCredentials('metalApi');
		const baseUrl = parseBaseUrl(credentials.baseUrl);
		if (baseUrl === undefined) {
			throw new NodeOperationError(context.getNode(), BAD_BASE_URL.message, {
				description: BAD_BASE_URL.description,
			});
		}
		// The bare values: a padded one holds its bare form, and is scrubbed with it.
		const { apiKey, clientId } = metalSecrets(credentials);
		const redactor = new Redactor([apiKey, clientId]);
		const headers = metalHeaders(credentials);
		const connection = { context, baseUrl, headers, redactor, timeoutMs };
		return new MetalClient(connection, concurrency, caller);
	}

	get node() {
		return this.connection.context.getNode();
	}

	/** The requests of one item: whatever an operation sends goes through these. */
	bind(effect: Effect, itemIndex?: number, signal?: AbortSignal, deadline?: number): ItemRequests {
		// The read variants of a change, made when an operation first asks for them (most never do).
		let reads: ItemRequests | undefined;
		let lookups: ItemRequests | undefined;
		const asRead = (before?: Effect) =>
			effect.kind === 'read'
				? bound
				: this.bind({ kind: 'read', noun: effect.noun, before }, itemIndex, signal, deadline);
		const bound: ItemRequests = {
			one: async (call) => await this.one({ ...call, effect, itemIndex, signal, deadline }),
			page: async (call) => await this.page({ ...call, effect, itemIndex, signal, deadline }),
			answer: async (call) => await this.request({ ...call, effect, itemIndex, signal, deadline }),
			get read() {
				return (reads ??= asRead());
			},
			get lookup() {
				return (lookups ??= asRead(effect));
			},
			until: (end) => this.bind(effect, itemIndex, signal, end),
			pause: async (ms) => await pause(ms, signal),
			stopping: () => signal?.aborted === true,
			error: (message, description) =>
				new NodeOperationError(this.node, message, { description, itemIndex }),
			unexpected: (what, answer) => this.unexpected({ effect, itemIndex }, what, answer),
			runState: <T>(key: string, make: () => T): T => {
				if (!this.state.has(key)) this.state.set(key, make());
				return this.state.get(key) as T;
			},
		};
		return bound;
	}

	private async one(exchange: Exchange): Promise<IDataObject> {
		const answer = await this.request(exchange);
		if (isObject(answer.data)) return answer.data;
		throw this.unexpected(exchange, 'data', answer);
	}

	private async page(exchange: Exchange): Promise<Page> {
		const answer = await this.request(exchange);
		const entries: unknown = answer.data;
		if (!Array.isArray(entries) || !entries.every(isObject)) {
			throw this.unexpected(exchange, 'list of objects', answer);
		}
		return { entries, metadata: isObject(answer.metadata) ? answer.metadata : {} };
	}

	/** The error for an answer without what the operation reads, quoting it (secrets scrubbed). */
	private unexpected(
		request: Pick<Exchange, 'effect' | 'itemIndex'>,
		what: string,
		answer: unknown,
	) {
		const quoted = answer === NO_CONTENT ? '' : this.connection.redactor.quote(answer);
		return unexpectedAnswerError(this.node, request, what, quoted);
	}

	/** Sends the exchange, retrying as its effect allows; resolves to Metal's JSON answer. */
	private async request(exchange: Exchange): Promise<IDataObject> {
		const policy = forCaller(retryPolicyOf(exchange.effect), this.caller);
		const budget = new WaitBudget(policy.maxTotalWaitMs, exchange.deadline);
		// Whether an earlier try may have reached Metal: a retried update may then have been made.
		let reachedBefore = false;
		// `tries` counts against the policy; `sent` is what the error reports.
		for (let tries = 1, sent = 1; ; tries++, sent++) {
			const { result, turn } = await this.tryOnce(exchange, policy, budget);
			if (!('kind' in result)) return result.body;
			const { delayMs, counted } = this.retryDelay(result, policy, tries, turn);
			const tooMany = sent >= policy.maxTries * MAX_SENDS;
			const overBudget = delayMs !== undefined && !budget.allows(delayMs);
			if (delayMs === undefined || tooMany || overBudget) {
				const error = failureToNodeError(this.node, result, {
					...exchange,
					tries: sent,
					reachedBefore,
					baseUrl: this.connection.baseUrl,
					timeoutMs: this.connection.timeoutMs,
				});
				throw overBudget && !tooMany ? budget.spent(error) : error;
			}
			reachedBefore ||= mayHaveReached(result);
			budget.notBefore = Date.now() + delayMs;
			// A 429 the run had already slowed down for is not held against this request (it is still
			// sent MAX_SENDS times the policy's tries at most).
			if (!counted) tries--;
		}
	}

	/**
	 * One try: a place in flight (every try queues anew), then the waits the backoff and the gate ask
	 * for, looking again after each (another 429 may have closed the gate meanwhile, or the run may be
	 * stopping), then the request's slot under the run's pace, then the request.
	 */
	private async tryOnce(exchange: Exchange, policy: RetryPolicy, budget: WaitBudget) {
		await this.gate.enter();
		try {
			let turn: Turn | undefined;
			while (turn === undefined) {
				if (exchange.signal?.aborted) throw abandonedError(this.node, exchange);
				const now = Date.now();
				const waitMs = Math.max(budget.notBefore - now, this.gate.waitMs(now));
				if (waitMs > 0) {
					if (!budget.allows(waitMs, now)) {
						const error = waitTooLongError(this.node, exchange, waitMs, policy.maxTotalWaitMs);
						throw budget.spent(error);
					}
					await pause(waitMs, exchange.signal);
					budget.waitedMs += waitMs;
					// The backoff is served; the gate is looked at again.
					budget.notBefore = 0;
					continue;
				}
				// Its turn under the run's pace: waiting for it counts towards the request's budget too.
				const given = await this.gate.turn(exchange.signal, budget.leftMs(now), now);
				budget.waitedMs += Date.now() - now;
				if (given === 'late')
					throw budget.spent(
						waitTooLongError(this.node, exchange, undefined, policy.maxTotalWaitMs),
					);
				turn = given;
				// The gate may have closed while the request queued for its turn: look again.
				if (this.gate.waitMs() > 0) turn = undefined;
			}
			const result = await exchangeOnce(this.connection, exchange);
			if (!('kind' in result)) this.gate.succeeded(turn);
			return { result, turn };
		} finally {
			this.gate.leave();
		}
	}

	/** The wait before the next try (a 429 also tells the gate), or undefined when it is final. */
	private retryDelay(failure: RequestFailure, policy: RetryPolicy, tries: number, turn: Turn) {
		const final = { delayMs: undefined, counted: true };
		if (!isRetryable(failure, policy)) return final;
		if (failure.kind === 'status' && failure.status === 429) {
			const backoff = (level: number) => backoffMs(policy, level);
			const { delayMs, newWave } = this.gate.close(failure.retryAfterMs, backoff, turn);
			if (newWave && tries >= policy.maxTries) return final;
			return { delayMs, counted: newWave };
		}
		return tries >= policy.maxTries ? final : { delayMs: backoffMs(policy, tries), counted: true };
	}
}
