import type { Resource } from '../../engine/operation';
import { COMPANIES } from './fields';
import { get } from './get';
import { getAll } from './getAll';
import { search } from './search';
import { update } from './update';

export const company: Resource = {
	name: COMPANIES.name,
	value: COMPANIES.noun,
	// Saved workflows without an Operation were saved when Get Many was the first.
	defaultOperation: 'getAll',
	operations: [get, getAll, search, update],
};
