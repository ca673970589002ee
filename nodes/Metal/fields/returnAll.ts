import type { Field } from './kit';
import { parseBoolean, parseNumber } from './values';

/**
 * Return All / Limit, n8n's pair for operations that return many results: reads to the most results
 * to return, or undefined for all of them.
 */
export const returnAllLimit: Field<number | undefined> = {
	properties: [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	],
	read(item) {
		if (parseBoolean(item.get('returnAll', false), item.at('Return All')) === true)
			return undefined;
		const fallback = this.properties[1].default as number;
		const limit = item.get('limit', fallback);
		return parseNumber(limit, item.at('Limit'), { min: 1, integer: true }) ?? fallback;
	},
};
