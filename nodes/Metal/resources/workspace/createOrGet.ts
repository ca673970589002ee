import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { describedAs, type Value } from '../../fields/kit';
import { searchForms, textKey } from '../../fields/sameText';
import { additionalFields, required } from '../../fields/parameters';
import type { ItemRequests } from '../../transport/requests';
import { searchAll } from '../../transport/pagination';
import { postWorkspace, workspaceCompany, workspaceName, workspacePrivate } from './create';
import { SEARCH_PATH } from './search';

const name = required(
	describedAs(
		workspaceName,
		"The workspace's name. A workspace with the same name, whatever its case, the spaces around it and how its accents are encoded, is returned; if there is none, one is created with this name.",
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
		let outcome = pending.get(textKey(body.name));
		if (outcome === undefined) {
			outcome = findOrCreate(body, metal);
			pending.set(textKey(body.name), outcome);
		}
		const { workspace, created } = await outcome;
		return { ...workspace, [CREATED_FIELD]: created };
	},
});

async function findOrCreate(body: IDataObject & { name: string }, metal: ItemRequests) {
	const wanted = textKey(body.name);
	const name = body.name.trim();
	const results: IDataObject[] = [];
	for (const query of searchForms(name)) {
		results.push(
			...(await searchAll(metal.lookup, SEARCH_PATH, {
				query,
				tooMany: {
					message: `Create or Get stopped after 1,000 pages of search results for "${query}"`,
					description:
						'The name matches so many workspaces that the node cannot be sure none has exactly this name, so it created nothing. Use a more distinctive name, or Workspace → Create.',
				},
			})),
		);
	}
	const found = results.filter((w) => typeof w.name === 'string' && textKey(w.name) === wanted);
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
