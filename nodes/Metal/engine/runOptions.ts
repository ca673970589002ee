import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { Item } from '../fields/kit';
import { parseNumber } from '../fields/values';
import { DEFAULT_TIMEOUT_MS } from '../transport/client';

// Measured (docs/benchmarks.md): at 100 ms from Metal, 10 in flight left the node 2.6× slower than
// the HTTP Request node, 50 about even; at 20 ms, 100 is 7-10% faster than 50, 25 up to 27% slower.
// Under a rate limit the run's pace, not this cap, sets how fast requests go (see Pace).
export const DEFAULT_CONCURRENCY = 50;

// One set of bounds for what the editor offers and what a run accepts (expressions bypass the editor).
const CONCURRENCY = { min: 1, max: 100, integer: true };
const TIMEOUT = { min: 100, max: 600_000, integer: true };

/** The Options collection of every operation: how hard and how long to press on Metal. */
export const runOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
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
			description:
				'How many milliseconds one request to Metal may take, from sending it to the last byte of the answer',
		},
	],
};

/** Read once from the first item: they govern the whole run, not one item. */
export function readRunOptions(context: IExecuteFunctions): {
	concurrency: number;
	timeoutMs: number;
} {
	const item = new Item(context, 0, context.getTimezone());
	const options = (item.get('options', {}) ?? {}) as IDataObject;
	return {
		concurrency:
			parseNumber(options.maxConcurrency, item.at('Max Concurrent Requests'), CONCURRENCY) ??
			DEFAULT_CONCURRENCY,
		timeoutMs: parseNumber(options.timeout, item.at('Timeout'), TIMEOUT) ?? DEFAULT_TIMEOUT_MS,
	};
}
