import { defineOperation } from '../../engine/operation';
import { text } from '../../fields/kit';
import { required } from '../../fields/parameters';
import { returnAllLimit } from '../../fields/returnAll';
import { searchAll } from '../../transport/pagination';

export const SEARCH_PATH = '/v1/workspaces/search';

const query = required(
	text({
		displayName: 'Query',
		name: 'query',
		placeholder: 'e.g. Atlas',
		description: 'Words to look for. Metal ranks workspaces by how well they match.',
	}),
);

export const search = defineOperation({
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search workspaces',
		description:
			'Find workspaces whose name or details match a query, best matches first. To reuse the workspace with an exact name, or create it when missing, use Create or Get instead.',
	},
	effect: { kind: 'read', noun: 'workspace' },
	fields: [query, returnAllLimit],
	prepare: (read) => ({ query: read(query), max: read(returnAllLimit) }),
	send: async (search, metal) => await searchAll(metal, SEARCH_PATH, search),
});
