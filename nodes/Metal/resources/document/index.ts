import type { Resource } from '../../engine/operation';
import { search } from './search';

export const document: Resource = {
	name: 'Document',
	value: 'document',
	operations: [search],
};
