import type { Resource } from '../../engine/operation';
import { get } from './get';

export const score: Resource = {
	name: 'Score',
	value: 'score',
	operations: [get],
};
