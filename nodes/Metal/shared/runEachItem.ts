import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isOutcomeUnknown, wasNeverSent } from './errors';

/**
 * One operation as the runner sees it. `prepare` reads and checks an item's parameters without
 * sending anything; `send` makes the item's request and resolves to its output objects.
 */
export interface ItemOperation<Prepared> {
	prepare(itemIndex: number): Prepared;
	/** `stopping` turns true when the run is stopping: pass it on so that retries give up. */
	send(prepared: Prepared, itemIndex: number, stopping: () => boolean): Promise<IDataObject[]>;
	/** How many requests may be in flight at once. */
	concurrency: number;
	/** What the operation creates, such as "workspace"; undefined for reads. */
	creates?: string;
}

type NodeError = NodeApiError | NodeOperationError;

/**
 * Runs an operation over every input item so that no item is lost and none is sent twice:
 * 1. every item is prepared before the first request, so a bad item stops the run before anything
 *    is sent (with Continue On Fail it becomes an error item and the others go on);
 * 2. requests go out with at most `concurrency` in flight, in input order;
 * 3. without Continue On Fail, the first failure stops new requests, lets those in flight finish, and
 *    throws an error that accounts for every item: done (with ids), failed, or not sent.
 * The output keeps input order, one entry or more per item, each paired with its item.
 */
export async function runEachItem<Prepared>(
	context: IExecuteFunctions,
	operation: ItemOperation<Prepared>,
): Promise<INodeExecutionData[]> {
	const itemCount = context.getInputData().length;
	const continueOnFail = context.continueOnFail();
	const outputs: INodeExecutionData[][] = new Array(itemCount);

	const ready: Array<{ itemIndex: number; prepared: Prepared }> = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			ready.push({ itemIndex, prepared: operation.prepare(itemIndex) });
		} catch (error) {
			// Already a NodeOperationError naming the item: the constructor hands it back unchanged.
			if (!continueOnFail) throw new NodeOperationError(context.getNode(), error as Error);
			outputs[itemIndex] = [errorItem(error as NodeError, itemIndex)];
		}
	}

	// Failures in the order they happened; the first one is the error the user sees.
	const failures = new Map<number, NodeError>();
	const cancelled = () => context.getExecutionCancelSignal()?.aborted === true;
	const stopping = () => failures.size > 0 || cancelled();
	let next = 0;
	const worker = async () => {
		while (next < ready.length && !(continueOnFail ? cancelled() : stopping())) {
			const { itemIndex, prepared } = ready[next++];
			try {
				const results = await operation.send(prepared, itemIndex, stopping);
				outputs[itemIndex] = results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (error) {
				if (wasNeverSent(error as Error)) continue;
				if (continueOnFail) outputs[itemIndex] = [errorItem(error as NodeError, itemIndex)];
				else failures.set(itemIndex, error as NodeError);
			}
		}
	};
	const workerCount = Math.min(operation.concurrency, ready.length);
	await Promise.all(Array.from({ length: workerCount }, worker));

	if (failures.size > 0) throw withStopSummary(failures, outputs, operation.creates);
	return outputs.flat();
}

function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	// Only `error` and `details`, so that n8n's "Continue (using error output)" routes the item.
	const json: IDataObject = { error: error.message };
	if (error.description) json.details = error.description;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Adds to the first failure's error what became of every item, so that the user can re-run exactly
 * the rest. For a create, the summary names the created ids and the items whose outcome is unknown.
 */
function withStopSummary(
	failures: Map<number, NodeError>,
	outputs: INodeExecutionData[][],
	creates: string | undefined,
): NodeError {
	const [[firstIndex, first], ...others] = [...failures];
	const done: string[] = [];
	const unknown: number[] = [];
	const failed: number[] = [];
	const notSent: number[] = [];
	for (let itemIndex = 0; itemIndex < outputs.length; itemIndex++) {
		const error = failures.get(itemIndex);
		const items = outputs[itemIndex];
		if (items !== undefined) {
			const ids = creates ? items.map((item) => item.json.id).filter((id) => id !== undefined) : [];
			done.push(ids.length ? `${itemIndex} (id ${ids.join(', ')})` : String(itemIndex));
		} else if (error === undefined) {
			notSent.push(itemIndex);
		} else if (isOutcomeUnknown(error)) {
			unknown.push(itemIndex);
		} else {
			failed.push(itemIndex);
		}
	}
	const none = (list: unknown[]) => (list.length ? undefined : 'none');
	const lines = creates
		? [
				`Created: ${none(done) ?? done.join('; ')}.`,
				unknown.length
					? `May or may not have been created (check in Metal before running them again): ${ranges(unknown)}.`
					: '',
				failed.length ? `Failed, nothing created: ${ranges(failed)}.` : '',
				`Not sent: ${none(notSent) ?? ranges(notSent)}.`,
				`Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.`,
			]
		: [
				`Done: ${none(done) ?? ranges(done.map(Number))}.`,
				`Failed: ${ranges([...unknown, ...failed].sort((a, b) => a - b))}.`,
				`Not run: ${none(notSent) ?? ranges(notSent)}.`,
				'Fix the cause and run the node again.',
			];
	first.description = [
		first.description ?? '',
		'',
		`The run stopped at item ${firstIndex}.`,
		...others.map(([itemIndex, error]) => `Item ${itemIndex} failed too: ${error.message}`),
		...lines.filter((line) => line !== ''),
	]
		.join('\n')
		.trim();
	return first;
}

/** 0,1,2,5,7,8 → "0–2, 5, 7–8": a stop on a 5,000-item run stays readable. */
function ranges(indexes: number[]): string {
	const parts: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		parts.push(end === start ? `${indexes[start]}` : `${indexes[start]}–${indexes[end]}`);
		start = end + 1;
	}
	return parts.join(', ');
}
