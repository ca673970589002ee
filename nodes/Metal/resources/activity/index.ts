import type { Resource } from '../../engine/operation';
import { create } from './create';
import { get } from './get';
import { search } from './search';
import { update } from './update';

export const activity: Resource = {
	name: 'Activity',
	value: 'activity',
	operations: [create, get, search, update],
};
