import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { describedAs, type Value } from '../../fields/kit';
import { additionalFields, required } from '../../fields/parameters';
import type { ItemRequests } from '../../transport/client';
import { searchAll } from '../../transport/pagination';
import { postWorkspace, workspaceCompany, workspaceName, workspacePrivate } from './create';
import { SEARCH_PATH } from './search';

const name = required(
	describedAs(
		workspaceName,
		"The workspace's name. A workspace with the same name, whatever its case and the spaces around it, is returned; if there is none, one is created with this name.",
	),
);

const whenCreated =
	' Used only when the workspace is created: a workspace found is returned as it is.';

const extra = additionalFields(
	[workspaceCompany, workspacePrivate].map((field: Value<unknown>) =>
		describedAs(field, `${field.property.description}${whenCreated}`),
	),
);

/** The output field that says whether this run created the workspace. */
export const CREATED_FIELD = 'created';

interface Outcome {
	workspace: IDataObject;
	created: boolean;
}

/** Names as a user means them: the same whatever their case or the spaces around them. */
const key = (name: string) => name.trim().toLowerCase();

export const createOrGet = defineOperation({
	option: {
		name: 'Create or Get',
		value: 'createOrGet',
		action: 'Create or get a workspace',
		description:
			"Return the workspace with this name, creating it only if Metal has none: use it rather than Create when a workflow may run again for the same deal or company. The output's created field is true when this run created the workspace. It cannot prevent a duplicate made by another run at the same moment, nor one made when Metal's search does not yet find a workspace created just before (how soon it does is not documented).",
	},
	effect: { kind: 'findOrCreate', noun: 'workspace' },
	fields: [name, extra],
	prepare: (read) => ({ name: read(name), ...read(extra) }),
	send: async (body, metal) => {
		// Items of one run with the same name share one look-up, and so one workspace.
		const pending = metal.runState(
			'workspace.createOrGet',
			() => new Map<string, Promise<Outcome>>(),
		);
		let outcome = pending.get(key(body.name));
		if (outcome === undefined) {
			outcome = findOrCreate(body, metal);
			pending.set(key(body.name), outcome);
		}
		const { workspace, created } = await outcome;
		return { ...workspace, [CREATED_FIELD]: created };
	},
});

async function findOrCreate(body: IDataObject & { name: string }, metal: ItemRequests) {
	const wanted = key(body.name);
	const name = body.name.trim();
	const results = await searchAll(metal.read, SEARCH_PATH, {
		query: name,
		tooMany: {
			message: `Create or Get stopped after 1,000 pages of search results for "${name}"`,
			description:
				'The name matches so many workspaces that the node cannot be sure none has exactly this name, so it created nothing. Use a more distinctive name, or Workspace → Create.',
		},
	});
	const found = results.filter((w) => typeof w.name === 'string' && key(w.name) === wanted);
	if (found.length > 0) return { workspace: oldest(found), created: false };
	return { workspace: await postWorkspace(body, metal), created: true };
}

/**
 * Of several workspaces with the name (duplicates made before), the first created, so that every run
 * returns the same one: Metal IDs begin with their creation time.
 */
function oldest(workspaces: IDataObject[]): IDataObject {
	const id = (workspace: IDataObject) =>
		typeof workspace.id === 'string' ? workspace.id.toLowerCase() : undefined;
	return workspaces.reduce((first, next) => {
		const [a, b] = [id(first), id(next)];
		return a !== undefined && b !== undefined && b < a ? next : first;
	});
}
