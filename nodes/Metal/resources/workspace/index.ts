import type { Resource } from '../../engine/operation';
import { create } from './create';
import { get } from './get';
import { search } from './search';

export const workspace: Resource = {
	name: 'Workspace',
	value: 'workspace',
	operations: [create, get, search],
};
