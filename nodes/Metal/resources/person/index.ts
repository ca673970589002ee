import type { Resource } from '../../engine/operation';
import { update } from './update';

export const person: Resource = {
	name: 'Person',
	value: 'person',
	operations: [update],
};
