import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../engine/operation';
import { choice, type Field, type Value } from '../fields/kit';
import { recordLocator } from '../fields/locator';
import { collection, option, updateFields } from '../fields/parameters';
import { returnAllLimit } from '../fields/returnAll';
import { textKey } from '../fields/sameText';
import { article } from '../transport/notFound';
import { LIST_PAGE_SIZE, listAll } from '../transport/pagination';
import { metalIdOf, recordByExternalId } from './lookups';

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
	/** The node's listSearch method of the resource's From List, when it has one. */
	searchListMethod?: string;
}

type RecordMode = 'list' | 'id' | 'externalId';

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

/** The locator of one record, in the ways its resource offers. */
function locatorOf(records: Records, description: string, modes: RecordMode[]) {
	const { name, noun, plural, searchListMethod } = records;
	return recordLocator({
		displayName: name,
		name: `${noun}Id`,
		noun,
		plural,
		description,
		modes: modes.filter((mode) => mode !== 'list' || searchListMethod !== undefined),
		searchListMethod,
		searchFilterRequired: false,
	});
}

/** Get: one record, by what the locator offers (`GET <path>/{id}` or `<path>/externalId=…`). */
export function getOperation(
	records: Records & { description: string; locator: string; modes: RecordMode[] },
) {
	const { noun, path, description } = records;
	const record = locatorOf(records, records.locator, records.modes);
	return defineOperation({
		option: { name: 'Get', value: 'get', action: `Get ${article(noun)} ${noun}`, description },
		effect: { kind: 'read', noun },
		fields: [record],
		prepare: (read) => read(record),
		send: async (ref, metal) =>
			ref.by === 'id'
				? await metal.one({ method: 'GET', path: `${path}/${ref.id}` })
				: await recordByExternalId(metal, path, ref.externalId),
	});
}

/**
 * Update: `PUT` of the fields set under Update Fields, and only those, to the record picked From
 * List (the node's `searchListMethod`, reading the list newest first), given By ID, or By External
 * ID (looked up first, once per run for each external ID; a failed look-up sends no update).
 */
export function updateOperation(
	records: Records & { description: string; changes: Array<Value<unknown>> },
) {
	const { noun, path, description } = records;
	const record = locatorOf(
		records,
		`The ${noun} to update. By External ID finds it by its ID in your own system, such as a CRM (its externalId in Metal), with one look-up before the update; it never creates one.`,
		['list', 'id', 'externalId'],
	);
	const changes = updateFields(records.changes);
	return defineOperation({
		option: { name: 'Update', value: 'update', action: `Update a ${noun}`, description },
		effect: { kind: 'update', noun },
		fields: [record, changes],
		prepare: (read) => ({ ref: read(record), body: read(changes) }),
		send: async ({ ref, body }, metal) =>
			await metal.one({
				method: 'PUT',
				path: `${path}/${await metalIdOf(ref, metal, path)}`,
				body,
			}),
	});
}
