import { defineOperation } from '../engine/operation';
import { text } from '../fields/kit';
import { required } from '../fields/parameters';
import { returnAllLimit } from '../fields/returnAll';
import { searchAll } from '../transport/pagination';

/**
 * Search: Metal's search of a resource (`POST /v1/<records>/search`, body `{ query, page, limit }`,
 * answer `{ data, metadata }`), best matches first, one output item per result, paged while Metal's
 * metadata says more pages remain (Return All), or up to a Limit.
 */
export function searchOperation(search: {
	noun: string;
	plural: string;
	/** The resource's endpoint; its search is at `${path}/search`. */
	path: string;
	description: string;
	/** What a query looks like for these records. */
	placeholder: string;
}) {
	const { noun, plural, path, description, placeholder } = search;
	const query = required(
		text({
			displayName: 'Query',
			name: 'query',
			placeholder,
			description: `Words to look for. Metal ranks ${plural} by how well they match.`,
		}),
	);
	return defineOperation({
		option: { name: 'Search', value: 'search', action: `Search ${plural}`, description },
		effect: { kind: 'read', noun },
		fields: [query, returnAllLimit],
		prepare: (read) => ({ query: read(query), max: read(returnAllLimit) }),
		send: async (found, metal) => await searchAll(metal, `${path}/search`, found),
	});
}
