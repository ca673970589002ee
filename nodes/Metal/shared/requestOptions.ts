import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { wholeNumber } from './parameters';
import { DEFAULT_TIMEOUT_MS } from './transport';

// Measured (docs/benchmarks.md): at 100 ms from Metal, 10 in flight left the node 2.6× slower than
// the HTTP Request node, 50 about even. A rate limit lowers it on its own (see RateLimitGate).
export const DEFAULT_CONCURRENCY = 50;

/** The Options collection of a resource's operations: how hard and how long to press on Metal. */
export function requestOptionsField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: DEFAULT_CONCURRENCY,
				description:
					'How many requests to Metal may run at the same time. Lower it if Metal answers with rate-limit errors.',
			},
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 100, maxValue: 600_000 },
				default: DEFAULT_TIMEOUT_MS,
				description: 'How many milliseconds to wait for Metal to answer one request',
			},
		],
	};
}

/** Read once from the first item: they govern the whole run, not one item. */
export function readRequestOptions(context: IExecuteFunctions): {
	concurrency: number;
	timeoutMs: number;
} {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		concurrency: wholeNumber(
			context,
			options.maxConcurrency,
			'Max Concurrent Requests',
			{ min: 1, max: 100, fallback: DEFAULT_CONCURRENCY },
			0,
		),
		timeoutMs: wholeNumber(
			context,
			options.timeout,
			'Timeout',
			{ min: 100, max: 600_000, fallback: DEFAULT_TIMEOUT_MS },
			0,
		),
	};
}
