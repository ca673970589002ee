import type { Resource } from '../../engine/operation';
import { DEALS } from './fields';
import { getAll } from './getAll';
import { update } from './update';

export const deal: Resource = {
	name: DEALS.name,
	value: DEALS.noun,
	operations: [getAll, update],
};
