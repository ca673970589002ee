import type { Resource } from '../../engine/operation';
import { create } from './create';

export const enrichment: Resource = {
	name: 'Enrichment',
	value: 'enrichment',
	operations: [create],
};
