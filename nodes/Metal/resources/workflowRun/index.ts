import type { Resource } from '../../engine/operation';
import { get } from './get';
import { start } from './start';

export const workflowRun: Resource = {
	name: 'Workflow Run',
	value: 'workflowRun',
	operations: [start, get],
};
