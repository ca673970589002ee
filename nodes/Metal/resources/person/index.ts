import type { Resource } from '../../engine/operation';
import { get } from './get';
import { search } from './search';
import { update } from './update';

export const person: Resource = {
	name: 'Person',
	value: 'person',
	// Saved workflows without an Operation were saved when Update was the first.
	defaultOperation: 'update',
	operations: [get, search, update],
};
