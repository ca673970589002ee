import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { changesMetal, mayHaveBeenDone, notDone, type Effect } from './effect';
import type { RequestFailure } from './failures';
import { markNeverSent, markOutcomeUnknown } from './marks';
import { notFoundOf } from './notFound';

export type NodeError = NodeApiError | NodeOperationError;

/** What an error is about: the request's effect, its item, and how it was sent. */
export interface FailureContext {
	effect: Effect;
	itemIndex?: number;
	/** The request's path under the Base URL: what a 404 says was not found. */
	path: string;
	/**
	 * An earlier try may have reached Metal (a timeout, a 5xx): whatever the last try got, a change
	 * may have been made, and the error says so.
	 */
	reachedBefore?: boolean;
	tries: number;
	baseUrl: string;
	timeoutMs: number;
}

const SUPPORT = 'support@metal.ai';

function marked<E extends NodeError>(error: E, effect: Effect, unknown: boolean | undefined): E {
	if (unknown && changesMetal(effect)) markOutcomeUnknown(error);
	return error;
}

/**
 * Turns a final failure into the error the user reads: what happened (with Metal's own words), then
 * what to do. Requests that change Metal say whether the change may have happened, since a blind
 * re-run could create it twice.
 */
export function failureToNodeError(
	node: INode,
	failure: RequestFailure,
	context: FailureContext,
): NodeError {
	const { message, description, unknown } = explain(failure, context);
	const { itemIndex } = context;
	const error =
		failure.kind === 'status'
			? new NodeApiError(node, { error: failure.metalMessage } as JsonObject, {
					message,
					description,
					httpCode: String(failure.status),
					itemIndex,
				})
			: new NodeOperationError(node, message, { description, itemIndex });
	return marked(error, context.effect, unknown || context.reachedBefore);
}

/**
 * Metal said yes but sent no answer of the shape the operation reads: a proxy in the way, an API
 * change, or an endpoint documented only by a guide. `answered` is what it sent, secrets scrubbed
 * and cut short, so that the user can see it.
 */
export function unexpectedAnswerError(
	node: INode,
	request: { effect: Effect; itemIndex?: number },
	what: string,
	answered: string,
): NodeOperationError {
	const { effect, itemIndex } = request;
	const maybe = mayHaveBeenDone(effect);
	// A read says what it left undone (a look-up before an update: the update was not sent).
	const none = maybe ? '' : notDone(effect);
	const error = new NodeOperationError(node, `Metal answered without the expected ${what}`, {
		description: `${none}Metal sent: ${answered || 'nothing'}. Check that the Base URL in the Metal API credential points at the Metal API.${maybe ? ` ${maybe}` : ''}`,
		itemIndex,
	});
	return marked(error, effect, true);
}

/** A request waiting for its turn was given up because the run is stopping; it was not sent. */
export function abandonedError(node: INode, request: { itemIndex?: number }): NodeOperationError {
	const error = new NodeOperationError(node, 'Not sent: the run stopped', {
		description: 'Another item failed while this one waited for Metal, so it was not sent (again).',
		itemIndex: request.itemIndex,
	});
	return markNeverSent(error);
}

/**
 * Metal's rate limit asks every request of the run to wait longer than one request may: the item
 * fails at once rather than holding the run for as long as Metal asks.
 */
export function waitTooLongError(
	node: INode,
	request: { effect: Effect; itemIndex?: number },
	waitMs: number | undefined,
	budgetMs: number,
): NodeOperationError {
	const message =
		waitMs === undefined
			? `Metal's rate limit kept this request waiting ${seconds(budgetMs)}`
			: `Metal's rate limit asks to wait ${seconds(waitMs)} before the next request`;
	return new NodeOperationError(node, message, {
		description: `${notDone(request.effect)}${waitAdvice(budgetMs)}`,
		itemIndex: request.itemIndex,
	});
}

/**
 * Any other failure of n8n's HTTP helper (a blocked address, an invalid header). Re-created from its
 * message alone, secrets scrubbed: the original carries the request, API key header included.
 */
export function otherRequestError(
	node: INode,
	text: string,
	request: { effect: Effect; itemIndex?: number },
): NodeOperationError {
	const { effect, itemIndex } = request;
	const maybe = mayHaveBeenDone(effect);
	const error = new NodeOperationError(node, `The request to Metal failed: ${text}`, {
		description: `Check the Base URL in the Metal API credential and this machine's network settings.${maybe ? ` ${maybe}` : ''}`,
		itemIndex,
	});
	return marked(error, effect, true);
}

function explain(
	failure: RequestFailure,
	context: FailureContext,
): { message: string; description: string; unknown?: boolean } {
	const { effect } = context;
	const maybe = mayHaveBeenDone(effect);
	const none = context.reachedBefore && maybe ? `${maybe} ` : notDone(effect);

	if (failure.kind === 'timeout') {
		return {
			message: `Metal did not answer within ${context.timeoutMs} ms`,
			description:
				maybe ??
				`Metal did not answer after ${tries(context.tries)}. Try again later, or raise Timeout in the node's options.`,
			unknown: true,
		};
	}
	if (failure.kind === 'connection') {
		if (!failure.reached) {
			return {
				message: `Could not connect to Metal at ${context.baseUrl}`,
				description: `${none}The request never reached Metal (${failure.code}, after ${tries(context.tries)}). Check the Base URL in the Metal API credential and this machine's network connection.`,
			};
		}
		return {
			message: 'The connection to Metal was closed before it answered',
			description:
				maybe ??
				`The connection dropped (${failure.code}) after ${tries(context.tries)}. Try again later.`,
			unknown: true,
		};
	}

	const metal = failure.metalMessage;
	if (failure.status >= 300 && failure.status < 400) {
		// A gateway may answer a POST with 303 after acting on it (POST-redirect-GET).
		const to = failure.location ? ` to ${failure.location}` : '';
		return {
			message: `The Base URL redirects elsewhere (${failure.status}${to})`,
			description: `${maybe ? `${maybe} ` : ''}The node does not follow redirects, so that the API key is never sent to another address. Set the Base URL in the Metal API credential to the address the API answers at.`,
			unknown: true,
		};
	}
	switch (failure.status) {
		case 400:
			return {
				message: `Metal rejected the request as invalid: ${metal}`,
				description: `${none}Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.`,
			};
		case 401:
			return {
				message: `Metal did not accept the credentials: ${metal}`,
				description: `${none}Check the Client ID and API Key in the Metal API credential. Keys are managed in the Metal app under Settings → Organization → API & MCP Access; a revoked key stops working within minutes.`,
			};
		case 403:
			return {
				message: `Metal refused access: ${metal}`,
				description: `${none}The API key is valid but may not use this resource. Ask an admin of your Metal organization to check the key's access.`,
			};
		case 404: {
			const { message, description } = notFoundOf(context.path, metal);
			return { message, description: `${none}${description}` };
		}
		case 422:
			return {
				message: `Metal could not process the request: ${metal}`,
				description: `${none}This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact ${SUPPORT}.`,
			};
		case 429: {
			const asked =
				failure.retryAfterMs !== undefined
					? ` Metal asked to wait ${seconds(failure.retryAfterMs)} before the next request.`
					: '';
			return {
				message: `Metal's rate limit was still exceeded after ${tries(context.tries)}: ${metal}`,
				description: `${none}${asked.trimStart()}${asked ? ' ' : ''}${waitAdvice()}`,
			};
		}
	}
	if (failure.status >= 500) {
		return {
			message: `Metal answered with a server error (${failure.status}): ${metal}`,
			description:
				maybe ??
				`Metal kept failing after ${tries(context.tries)}. Try again later, and contact ${SUPPORT} if it persists.`,
			unknown: true,
		};
	}
	return {
		message: `Metal answered with an unexpected status (${failure.status}): ${metal}`,
		description: `${none}Check the Base URL in the Metal API credential: it should point at the Metal API.`,
	};
}

function waitAdvice(budgetMs?: number): string {
	const budget =
		budgetMs === undefined ? '' : `The node waits at most ${seconds(budgetMs)} per request. `;
	return `${budget}Metal limits requests per organization, shared by all its keys. Lower Max Concurrent Requests in the node's options, spread the work over time, or ask ${SUPPORT} for a higher limit.`;
}

function seconds(ms: number): string {
	const s = Math.round(ms / 1000);
	return s === 1 ? '1 second' : `${s} seconds`;
}

function tries(count: number): string {
	return count === 1 ? '1 try' : `${count} tries`;
}
