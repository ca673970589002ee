import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { bool, text } from '../../fields/kit';
import { additionalFields, required } from '../../fields/parameters';
import type { ItemRequests } from '../../transport/requests';

export const workspaceName = text({
	displayName: 'Name',
	name: 'name',
	placeholder: 'e.g. Project Atlas',
	description: 'The name of the new workspace',
});

export const workspaceCompany = text({
	displayName: 'Company',
	name: 'company',
	placeholder: 'e.g. Acme Holdings',
	description:
		"Text stored as the workspace's company. Metal documents it only as a string: it is not checked against or linked to Metal's company records. Left out when empty.",
});

export const workspacePrivate = bool({
	displayName: 'Private',
	name: 'isPrivate',
	description: 'Whether Metal marks the workspace as private',
});

const name = required(workspaceName);

const extra = additionalFields([workspaceCompany, workspacePrivate]);

/** `POST /v1/workspaces`: the one request that creates a workspace. */
export async function postWorkspace(body: IDataObject, metal: ItemRequests) {
	return await metal.one({
		method: 'POST',
		path: '/v1/workspaces',
		body,
	});
}

export const create = defineOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a workspace',
		description:
			'Create a new Metal workspace, a place that groups documents and data, for example one per deal or company. Each call creates another workspace, even with the same name: to reuse one, use Create or Get, or search first.',
	},
	effect: { kind: 'create', noun: 'workspace' },
	fields: [name, extra],
	prepare: (read) => ({ name: read(name), ...read(extra) }),
	send: postWorkspace,
});
