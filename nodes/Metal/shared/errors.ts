import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestFailure } from './failures';
import type { MetalRequest } from './transport';

interface FailureContext extends MetalRequest {
	tries: number;
	baseUrl: string;
	timeoutMs: number;
}

const SUPPORT = 'support@metal.ai';

/**
 * Turns a final failure into the error the user reads: what happened (with Metal's own words), then
 * what to do. Requests that create something say whether it may exist, since a blind re-run could
 * create it twice.
 */
export function failureToNodeError(
	node: INode,
	failure: RequestFailure,
	context: FailureContext,
): NodeApiError | NodeOperationError {
	const { message, description } = explain(failure, context);
	const itemIndex = context.itemIndex;
	if (failure.kind === 'status') {
		return new NodeApiError(node, { error: failure.metalMessage } as JsonObject, {
			message,
			description,
			httpCode: String(failure.status),
			itemIndex,
		});
	}
	return new NodeOperationError(node, message, { description, itemIndex });
}

/** Metal said yes but sent no `data` object: a proxy in the way, or an API change. */
export function unexpectedAnswerError(node: INode, request: MetalRequest): NodeOperationError {
	const { creates } = request;
	return new NodeOperationError(node, 'Metal answered without the expected data', {
		description: `Check that the Base URL in the Metal API credential points at the Metal API.${creates ? ` ${mayExist(creates)}` : ''}`,
		itemIndex: request.itemIndex,
	});
}

function explain(
	failure: RequestFailure,
	context: FailureContext,
): { message: string; description: string } {
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
		};
	}
	if (failure.kind === 'connection') {
		if (!failure.reached) {
			return {
				message: `Could not connect to Metal at ${context.baseUrl}`,
				description: `${notCreated}The request never reached Metal (${failure.code}). Check the Base URL in the Metal API credential and this machine's network connection.`,
			};
		}
		return {
			message: 'The connection to Metal was closed before it answered',
			description:
				unknownOutcome ??
				`The connection dropped (${failure.code}) after ${tries(context.tries)}. Try again later.`,
		};
	}

	const metal = failure.metalMessage;
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
					description: `${notCreated}The resource is not in the organization that owns this API key. Check the ID, and that the credential belongs to the right organization.`,
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
