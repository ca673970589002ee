import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestFailure } from './failures';
import type { MetalRequest } from './transport';

type NodeError = NodeApiError | NodeOperationError;

interface FailureContext extends MetalRequest {
	tries: number;
	baseUrl: string;
	timeoutMs: number;
}

const SUPPORT = 'support@metal.ai';

// What an error says about Metal's state, for the stop summary: kept beside the error, not in it.
const outcomeUnknown = new WeakSet<Error>();
const neverSent = new WeakSet<Error>();

/** Whether Metal may have acted on the failed request (created the workspace) before it failed. */
export function isOutcomeUnknown(error: Error): boolean {
	return outcomeUnknown.has(error);
}

/** Whether the request was given up before it was sent, because the run was stopping. */
export function wasNeverSent(error: Error): boolean {
	return neverSent.has(error);
}

/**
 * Turns a final failure into the error the user reads: what happened (with Metal's own words), then
 * what to do. Requests that create something say whether it may exist, since a blind re-run could
 * create it twice.
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
	if (unknown && context.creates) outcomeUnknown.add(error);
	return error;
}

/** Metal said yes but sent no `data` object: a proxy in the way, or an API change. */
export function unexpectedAnswerError(node: INode, request: MetalRequest): NodeOperationError {
	const { creates } = request;
	const error = new NodeOperationError(node, 'Metal answered without the expected data', {
		description: `Check that the Base URL in the Metal API credential points at the Metal API.${creates ? ` ${mayExist(creates)}` : ''}`,
		itemIndex: request.itemIndex,
	});
	if (creates) outcomeUnknown.add(error);
	return error;
}

/** A request waiting out a backoff was given up because the run is stopping; it was not sent. */
export function abandonedError(node: INode, request: MetalRequest): NodeOperationError {
	const error = new NodeOperationError(node, 'Not sent: the run stopped', {
		description: 'Another item failed while this one waited for Metal, so it was not sent (again).',
		itemIndex: request.itemIndex,
	});
	neverSent.add(error);
	return error;
}

/**
 * Any other failure of n8n's HTTP helper (a blocked address, a cancelled run). Re-created from its
 * message alone: the original carries the request, API key header included.
 */
export function otherRequestError(
	node: INode,
	error: unknown,
	request: MetalRequest,
): NodeOperationError {
	const { creates } = request;
	const text = error instanceof Error ? error.message : String(error);
	const fresh = new NodeOperationError(node, `The request to Metal failed: ${text}`, {
		description: `Check the Base URL in the Metal API credential and this machine's network settings.${creates ? ` ${mayExist(creates)}` : ''}`,
		itemIndex: request.itemIndex,
	});
	if (creates) outcomeUnknown.add(fresh);
	return fresh;
}

function explain(
	failure: RequestFailure,
	context: FailureContext,
): { message: string; description: string; unknown?: boolean } {
	const { creates } = context;
	const unknownOutcome = creates
		? `${mayExist(creates)} The node does not retry it by itself, so that it is never created twice.`
		: undefined;
	const notCreated = creates ? `No ${creates} was created. ` : '';

	if (failure.kind === 'timeout') {
		return {
			message: `Metal did not answer within ${context.timeoutMs} ms`,
			description:
				unknownOutcome ??
				`Metal did not answer after ${tries(context.tries)}. Try again later, or raise Timeout in the node's options.`,
			unknown: true,
		};
	}
	if (failure.kind === 'connection') {
		if (!failure.reached) {
			return {
				message: `Could not connect to Metal at ${context.baseUrl}`,
				description: `${notCreated}The request never reached Metal (${failure.code}, after ${tries(context.tries)}). Check the Base URL in the Metal API credential and this machine's network connection.`,
			};
		}
		return {
			message: 'The connection to Metal was closed before it answered',
			description:
				unknownOutcome ??
				`The connection dropped (${failure.code}) after ${tries(context.tries)}. Try again later.`,
			unknown: true,
		};
	}

	const metal = failure.metalMessage;
	if (failure.status >= 300 && failure.status < 400) {
		return {
			message: `The Base URL redirects elsewhere (${failure.status}${failure.location ? ` to ${failure.location}` : ''})`,
			description: `${notCreated}The node does not follow redirects, so that the API key is never sent to another address. Set the Base URL in the Metal API credential to the address the API answers at.`,
		};
	}
	switch (failure.status) {
		case 400:
			return {
				message: `Metal rejected the request as invalid: ${metal}`,
				description: `${notCreated}Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.`,
			};
		case 401:
			return {
				message: `Metal did not accept the credentials: ${metal}`,
				description: `${notCreated}Check the Client ID and API Key in the Metal API credential. Keys are managed in the Metal app under Settings → Organization → API & MCP Access; a revoked key stops working within minutes.`,
			};
		case 403:
			return {
				message: `Metal refused access: ${metal}`,
				description: `${notCreated}The API key is valid but may not use this resource. Ask an admin of your Metal organization to check the key's access.`,
			};
		case 404:
			return (
				context.notFound ?? {
					message: `Metal could not find it: ${metal}`,
					description: `${notCreated}Check the Base URL in the Metal API credential, and that what you asked for belongs to the organization of this API key.`,
				}
			);
		case 422:
			return {
				message: `Metal could not process the request: ${metal}`,
				description: `${notCreated}This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact ${SUPPORT}.`,
			};
		case 429:
			return {
				message: `Metal's rate limit was still exceeded after ${tries(context.tries)}: ${metal}`,
				description: `${notCreated}Metal limits requests per organization, shared by all its keys. Lower Max Concurrent Requests in the node's options, spread the work over time, or ask ${SUPPORT} for a higher limit.`,
			};
	}
	if (failure.status >= 500) {
		return {
			message: `Metal answered with a server error (${failure.status}): ${metal}`,
			description:
				unknownOutcome ??
				`Metal kept failing after ${tries(context.tries)}. Try again later, and contact ${SUPPORT} if it persists.`,
			unknown: true,
		};
	}
	return {
		message: `Metal answered with an unexpected status (${failure.status}): ${metal}`,
		description: `${notCreated}Check the Base URL in the Metal API credential: it should point at the Metal API.`,
	};
}

function mayExist(creates: string): string {
	return `The ${creates} may or may not have been created: check in Metal before running this item again.`;
}

function tries(count: number): string {
	return count === 1 ? '1 try' : `${count} tries`;
}
