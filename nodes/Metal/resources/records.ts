import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../engine/operation';
import { choice, type Field, type Value } from '../fields/kit';
import { collection, option, updateFields } from '../fields/parameters';
import { idLocator } from '../fields/locator';
import { textKey } from '../fields/sameText';
import { returnAllLimit } from '../fields/returnAll';
import { LIST_PAGE_SIZE, listAll } from '../transport/pagination';

/**
 * The operations of Metal's records that have a list endpoint (`GET /v1/<records>`, newest first,
 * paged with the `lt` cursor) and an update (`PUT /v1/<records>/{id}`): deals and companies.
 */
export interface Records {
	/** The resource's name in the node: "Deal". */
	name: string;
	/** One record, as a user says it: "deal". */
	noun: string;
	/** Several: "deals". */
	plural: string;
	/** The list endpoint; one record is at `${path}/{id}`. */
	path: string;
}

const PAGE = LIST_PAGE_SIZE.toLocaleString('en-US');

const sortDirection = choice(
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		description:
			"Newest First (Metal's default) starts with the records added last. Oldest First reads Metal's numbered pages, which it serves up to page 100 (100,000 records).",
	},
	[
		{ name: 'Newest First', value: 'desc' },
		{ name: 'Oldest First', value: 'asc' },
	],
);

const sortDirectionOption = option(sortDirection) as Field<'asc' | 'desc'>;

/**
 * Get Many: the records, newest first unless asked otherwise, with filters that the node applies to
 * each record (Metal's list takes none), Limit counting the records that match.
 */
export function getManyOperation(
	records: Records & { description: string; filters: Array<Value<unknown>> },
) {
	const { noun, plural, path, description } = records;
	const filters = collection(
		{
			name: 'filters',
			displayName: 'Filters',
			placeholder: 'Add Filter',
			description: `Metal's list of ${plural} takes no filters: the node reads the ${plural}, ${PAGE} per request, and keeps those whose fields equal every value set here (ignoring case and how accents are encoded). Limit counts the ${plural} that match, so a rare match may take many requests; Return All reads every ${noun}, one request per ${PAGE} ${plural}.`,
		},
		records.filters,
	);
	return defineOperation({
		option: { name: 'Get Many', value: 'getAll', action: `Get many ${plural}`, description },
		effect: { kind: 'read', noun },
		fields: [returnAllLimit, filters],
		options: [sortDirection],
		prepare: (read) => ({
			max: read(returnAllLimit),
			direction: read(sortDirectionOption),
			wanted: read(filters),
		}),
		send: async ({ max, direction, wanted }, metal) =>
			await listAll(metal, path, {
				max,
				direction,
				keep: Object.keys(wanted).length ? (record) => matches(record, wanted) : undefined,
			}),
	});
}

/** Whether each field of the record has the wanted value, as a user means it (see textKey). */
function matches(record: IDataObject, wanted: IDataObject): boolean {
	return Object.entries(wanted).every(
		([field, value]) =>
			typeof record[field] === 'string' && textKey(record[field]) === textKey(String(value)),
	);
}

/**
 * Update: `PUT` of the fields set under Update Fields, and only those, to the record picked From
 * List (the node's `searchListMethod`, reading the list newest first) or given By ID.
 */
export function updateOperation(
	records: Records & {
		description: string;
		searchListMethod: string;
		changes: Array<Value<unknown>>;
	},
) {
	const { name, noun, path, description } = records;
	const recordId = idLocator({
		displayName: name,
		name: `${noun}Id`,
		noun,
		description: `The ${noun} to update`,
		searchListMethod: records.searchListMethod,
		searchFilterRequired: false,
	});
	const changes = updateFields(records.changes);
	return defineOperation({
		option: { name: 'Update', value: 'update', action: `Update a ${noun}`, description },
		effect: { kind: 'update', noun },
		fields: [recordId, changes],
		prepare: (read) => ({ id: read(recordId), body: read(changes) }),
		send: async ({ id, body }, metal) =>
			await metal.one({
				method: 'PUT',
				path: `${path}/${id}`,
				body,
			}),
	});
}
