import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { type Field } from './kit';
import { emptyError, invalid, parseExternalId, parseMetalId } from './values';

/**
 * One Metal record as a resource locator, named in the ways Metal can look it up:
 * - From List, where Metal has a list or search endpoint to pick from;
 * - By ID: 24 hexadecimal characters, checked in the editor and again in every run, since
 *   expressions and AI agents bypass the editor;
 * - By External ID: the record's ID in the user's own system (a CRM), which Metal keeps as
 *   `externalId` and takes in the path, as `externalId=<the ID>`.
 */

/** How an item names the record. */
export type RecordRef = { by: 'id'; id: string } | { by: 'externalId'; externalId: string };

type Mode = 'list' | 'id' | 'externalId';

interface LocatorOptions {
	name: string;
	displayName: string;
	noun: string;
	/** Several records, as a user says it, when not the noun and an s: "companies". */
	plural?: string;
	description: string;
	/** The ways offered, in order; the first is the default. From List needs `searchListMethod`. */
	modes: Mode[];
	/** The node's listSearch method, when Metal can list or search these records. */
	searchListMethod?: string;
	/** Whether the list waits for the user to type (a search needs a query; a list does not). */
	searchFilterRequired?: boolean;
}

/** The record an item names, in whichever way the user picked. */
export function recordLocator(options: LocatorOptions): Field<RecordRef> {
	const { name, displayName, description, modes } = options;
	const { noun, plural = `${noun}s`, searchListMethod, searchFilterRequired = true } = options;
	const property: INodeProperties = {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: modes[0], value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Type to search ${plural}…`,
				typeOptions: { searchListMethod, searchable: true, searchFilterRequired },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 665f1c2a9b1e4a0012a3b4c5',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9a-fA-F]{24}\\s*$',
							errorMessage: 'Not a Metal ID: an ID is 24 characters, 0-9 and a-f',
						},
					},
				],
			},
			{
				displayName: 'By External ID',
				name: 'externalId',
				type: 'string',
				placeholder: 'e.g. crm-12345',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[^/]*$',
							errorMessage:
								'An external ID with a / cannot be looked up: Metal takes it in the path',
						},
					},
				],
			},
		],
	};
	// The ways this record offers, in its order.
	const all = property.modes ?? [];
	property.modes = modes.map((mode) => all.find((m) => m.name === mode) as INodePropertyMode);
	return {
		properties: [property],
		read(item) {
			const at = item.at(displayName);
			const raw = item.get(name, undefined);
			// A locator gives { __rl, mode, value }; a value set otherwise (an old workflow) is read in
			// the first way offered.
			const { mode = modes[0], value } =
				raw !== null && typeof raw === 'object' && 'value' in raw
					? (raw as { mode?: unknown; value: unknown })
					: { value: raw };
			// A way this operation does not offer (kept from another operation, or set by an
			// expression) is refused rather than read as another: an ID is no external ID.
			if (!modes.includes(mode as Mode)) {
				const offered = property.modes?.map((m) => m.displayName).join(', ');
				throw invalid(
					at,
					`The "${displayName}" parameter in item ${item.itemIndex} is set in the mode "${String(mode)}", which this operation does not offer`,
					`${displayName} takes ${offered} here. ${description.replace(/\.?$/, '.')}`,
				);
			}
			if (mode === 'externalId') {
				const externalId = parseExternalId(value, at);
				if (externalId === undefined) throw emptyError(at);
				return { by: 'externalId', externalId };
			}
			const id = parseMetalId(value, at);
			if (id === undefined) throw emptyError(at);
			return { by: 'id', id };
		},
	};
}

/** A record named From List or By ID only: reads to its Metal ID. */
export function idLocator(
	options: Omit<LocatorOptions, 'modes'> & { modes?: Array<'list' | 'id'> },
): Field<string> {
	const { searchListMethod, modes = searchListMethod ? ['list', 'id'] : ['id'] } = options;
	const locator = recordLocator({ ...options, modes });
	return {
		properties: locator.properties,
		read: (item) => (locator.read(item) as { id: string }).id,
	};
}
