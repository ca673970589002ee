import type { INodeProperties } from 'n8n-workflow';

import { type Field, type Value } from './kit';
import { required } from './parameters';
import { parseMetalId } from './values';

/**
 * The ID of one Metal record as a resource locator: By ID (24 hexadecimal characters, checked in the
 * editor and again in every run, since expressions and AI agents bypass the editor), and From List
 * where Metal has a list or search endpoint to pick from.
 */
export function idLocator(options: {
	name: string;
	displayName: string;
	noun: string;
	description: string;
	/** The node's listSearch method, when Metal can list or search these records. */
	searchListMethod?: string;
	/** Whether the list waits for the user to type (a search needs a query; a list does not). */
	searchFilterRequired?: boolean;
}): Field<string> {
	const { name, displayName, noun, description, searchListMethod } = options;
	const { searchFilterRequired = true } = options;
	const property: INodeProperties = {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: searchListMethod ? 'list' : 'id', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Type to search ${noun}s…`,
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
		],
	};
	// Without a list or search endpoint there is nothing to pick from.
	if (!searchListMethod) property.modes = property.modes?.filter((mode) => mode.name !== 'list');
	const id: Value<string> = { property, sendAs: name, parse: parseMetalId };
	return required(id);
}
