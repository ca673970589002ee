import { searchOperation } from '../search';

export const WORKSPACES_PATH = '/v1/workspaces';

export const SEARCH_PATH = `${WORKSPACES_PATH}/search`;

export const search = searchOperation({
	noun: 'workspace',
	plural: 'workspaces',
	path: WORKSPACES_PATH,
	placeholder: 'e.g. Atlas',
	description:
		'Find workspaces whose name or details match a query, best matches first. To reuse the workspace with an exact name, or create it when missing, use Create or Get instead.',
});
