import type { Resource } from '../../engine/operation';
import { create } from './create';

export const tag: Resource = {
	name: 'Tag',
	value: 'tag',
	operations: [create],
};
