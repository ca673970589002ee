import { defineOperation } from '../../engine/operation';
import { idLocator } from '../../fields/locator';

export const workspaceId = idLocator({
	displayName: 'Workspace',
	name: 'workspaceId',
	noun: 'workspace',
	description: 'The workspace to get',
	searchListMethod: 'searchWorkspaces',
});

export const get = defineOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a workspace',
		description: 'Get one workspace by its ID',
	},
	effect: { kind: 'read', noun: 'workspace' },
	fields: [workspaceId],
	prepare: (read) => read(workspaceId),
	send: async (id, metal) =>
		await metal.one({
			method: 'GET',
			path: `/v1/workspaces/${id}`,
		}),
});
