import type { Resource } from '../../engine/operation';
import { create } from './create';
import { createOrGet } from './createOrGet';
import { get } from './get';
import { search } from './search';

export const workspace: Resource = {
	name: 'Workspace',
	value: 'workspace',
	operations: [create, createOrGet, get, search],
};
