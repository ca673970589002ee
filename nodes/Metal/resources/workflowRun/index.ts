import type { Resource } from '../../engine/operation';
import { cancel } from './cancel';
import { get } from './get';
import { getAll } from './getAll';
import { rerun, retry } from './runAgain';
import { start } from './start';

export const workflowRun: Resource = {
	name: 'Workflow Run',
	value: 'workflowRun',
	operations: [start, cancel, get, getAll, rerun, retry],
};
