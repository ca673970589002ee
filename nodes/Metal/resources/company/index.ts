import type { Resource } from '../../engine/operation';
import { COMPANIES } from './fields';
import { getAll } from './getAll';
import { update } from './update';

export const company: Resource = {
	name: COMPANIES.name,
	value: COMPANIES.noun,
	operations: [getAll, update],
};
