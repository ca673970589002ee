import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { Item } from '../fields/kit';
import type { MetalClient } from '../transport/client';
import type { NodeError } from '../transport/errors';
import { doneBeforeFailing, wasNeverSent } from '../transport/marks';
import type { Operation } from './operation';
import { withStopSummary } from './stopSummary';

/**
 * Runs an operation over every input item so that no item is lost and none is sent twice:
 * 1. every item is prepared before the first request, so a bad item stops the run before anything
 *    is sent (with Continue On Fail it becomes an error item and the others go on);
 * 2. items go out with at most `concurrency` in flight, in input order;
 * 3. without Continue On Fail, the first failure stops new requests, lets those in flight finish, and
 *    throws an error that accounts for every item: done (with ids), failed, or not sent.
 * The output keeps input order, one entry or more per item, each paired with its item.
 */
export async function runEachItem(
	context: IExecuteFunctions,
	operation: Operation,
	client: MetalClient,
	{ concurrency, continueOnFail }: { concurrency: number; continueOnFail: boolean },
): Promise<INodeExecutionData[]> {
	const itemCount = context.getInputData().length;
	const outputs: INodeExecutionData[][] = new Array(itemCount);

	// Items of n8n's "Continue (using error output)" are routed by their error (see errorItemOf).
	const routed = context.getNode().onError === 'continueErrorOutput';
	const errorItem = (error: NodeError, itemIndex: number) => errorItemOf(error, itemIndex, routed);

	const timezone = context.getTimezone();
	const ready: Array<{ itemIndex: number; prepared: unknown }> = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const item = new Item(context, itemIndex, timezone);
		try {
			ready.push({ itemIndex, prepared: operation.prepare((field) => field.read(item), item) });
		} catch (error) {
			// Already a NodeOperationError naming the item: the constructor hands it back unchanged.
			if (!continueOnFail) throw new NodeOperationError(context.getNode(), error as Error);
			outputs[itemIndex] = [errorItem(error as NodeError, itemIndex)];
		}
	}

	// Failures in the order they happened; the first one is the error the user sees.
	const failures = new Map<number, NodeError>();
	// Aborted by the first failure (without Continue On Fail) or a cancelled execution: requests not
	// yet sent are dropped, waits end at once, requests in flight finish.
	const stop = new AbortController();
	const cancel = context.getExecutionCancelSignal();
	const signal = cancel ? AbortSignal.any([stop.signal, cancel]) : stop.signal;
	let next = 0;
	const worker = async () => {
		while (next < ready.length && !signal.aborted) {
			const { itemIndex, prepared } = ready[next++];
			try {
				const requests = client.bind(operation.effect, itemIndex, signal);
				const results = [await operation.send(prepared, requests)].flat();
				outputs[itemIndex] = results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (error) {
				if (wasNeverSent(error as Error)) continue;
				if (continueOnFail) {
					outputs[itemIndex] = [errorItem(error as NodeError, itemIndex)];
				} else {
					failures.set(itemIndex, error as NodeError);
					stop.abort();
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, ready.length) }, worker));

	if (failures.size > 0) {
		// An AI agent calls a tool one item at a time: what failed and how to fix it is all it needs.
		if (isTool(context)) throw failures.values().next().value as NodeError;
		throw withStopSummary(failures, outputs, operation.effect);
	}
	return outputs.flat();
}

/**
 * An error item: `error` (what failed), `details` (what to do) and the record of a change made before
 * the item failed (a started run). Routed to the error output, it is `error` and `message` alone: the
 * only item n8n 1.x routes there by its json (n8n 2.x also takes `details`; an item that carries the
 * error object itself loses its fields in 2.x).
 */
function errorItemOf(error: NodeError, itemIndex: number, routed: boolean): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json[routed ? 'message' : 'details'] = error.description;
	const done = doneBeforeFailing(error);
	if (done !== undefined && !routed) json[done.key] = done.record;
	return { json, pairedItem: { item: itemIndex } };
}

/** Whether the node runs as an AI agent's tool (n8n gives it the type `<node>Tool`). */
function isTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}
