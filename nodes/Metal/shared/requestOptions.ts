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

// One set of bounds for what the editor offers and what a run accepts (expressions bypass the editor).
const CONCURRENCY = { min: 1, max: 100, fallback: DEFAULT_CONCURRENCY };
const TIMEOUT = { min: 100, max: 600_000, fallback: DEFAULT_TIMEOUT_MS };

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
				typeOptions: { minValue: CONCURRENCY.min, maxValue: CONCURRENCY.max },
				default: DEFAULT_CONCURRENCY,
				description:
					'How many requests to Metal may run at the same time. Lower it if Metal answers with rate-limit errors.',
			},
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: TIMEOUT.min, maxValue: TIMEOUT.max },
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
			CONCURRENCY,
			0,
		),
		timeoutMs: wholeNumber(context, options.timeout, 'Timeout', TIMEOUT, 0),
	};
}
