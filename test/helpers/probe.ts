import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { defineOperation, nodeProperties, type Resource } from '../../nodes/Metal/engine/operation';
import { text } from '../../nodes/Metal/fields/kit';
import { required } from '../../nodes/Metal/fields/parameters';
import { idLocator } from '../../nodes/Metal/fields/locator';
import { returnAllLimit } from '../../nodes/Metal/fields/returnAll';
import { runOperation } from '../../nodes/Metal/router';
import { listAll, searchAll } from '../../nodes/Metal/transport/pagination';
import { runMetalNode, type RunOptions } from './runMetalNode';

/**
 * A test-only resource run by the real engine (router, runner, client, gate, pagination, errors):
 * the engine is specified through it, one operation per effect, so that the tests of a real
 * operation cover only its own request, output and errors.
 */
const name = required(text({ displayName: 'Name', name: 'name', description: 'A name' }));
const thingId = idLocator({
	name: 'thingId',
	displayName: 'Thing',
	noun: 'thing',
	description: 'A thing',
});
const query = required(text({ displayName: 'Query', name: 'query', description: 'Words' }));

export const probe: Resource = {
	name: 'Probe',
	value: 'probe',
	operations: [
		defineOperation({
			option: { name: 'Create', value: 'create', action: 'Create a thing', description: 'Creates' },
			effect: { kind: 'create', noun: 'thing' },
			fields: [name],
			prepare: (read) => ({ name: read(name) }),
			send: async (body, metal) => await metal.one({ method: 'POST', path: '/v1/things', body }),
		}),
		defineOperation({
			option: { name: 'Update', value: 'update', action: 'Update a thing', description: 'Updates' },
			effect: { kind: 'update', noun: 'thing' },
			fields: [thingId, name],
			prepare: (read) => ({ id: read(thingId), body: { name: read(name) } }),
			send: async ({ id, body }, metal) =>
				await metal.one({ method: 'PUT', path: `/v1/things/${id}`, body }),
		}),
		defineOperation({
			option: { name: 'Get', value: 'get', action: 'Get a thing', description: 'Gets' },
			effect: { kind: 'read', noun: 'thing' },
			fields: [thingId],
			prepare: (read) => read(thingId),
			send: async (id, metal) => await metal.one({ method: 'GET', path: `/v1/things/${id}` }),
		}),
		defineOperation({
			option: {
				name: 'Get Until',
				value: 'getUntil',
				action: 'Get a thing until a deadline',
				description: 'Gets, retried only until 1.5 s after the item starts',
			},
			effect: { kind: 'read', noun: 'thing' },
			fields: [thingId],
			prepare: (read) => read(thingId),
			send: async (id, metal) =>
				await metal.until(Date.now() + 1_500).one({ method: 'GET', path: `/v1/things/${id}` }),
		}),
		defineOperation({
			option: {
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many things',
				description: 'Lists',
			},
			effect: { kind: 'read', noun: 'thing' },
			fields: [returnAllLimit],
			prepare: (read) => read(returnAllLimit),
			send: async (max, metal) => await listAll(metal, '/v1/things', { max }),
		}),
		defineOperation({
			option: { name: 'Search', value: 'search', action: 'Search things', description: 'Searches' },
			effect: { kind: 'read', noun: 'thing' },
			fields: [query, returnAllLimit],
			prepare: (read) => ({ query: read(query), max: read(returnAllLimit) }),
			send: async (search, metal) => await searchAll(metal, '/v1/things/search', search),
		}),
	],
};

class ProbeNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Metal Probe',
		name: 'metalProbe',
		group: ['output'],
		version: 1,
		description: 'The Metal engine with a test-only resource',
		defaults: { name: 'Metal Probe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metalApi', required: true }],
		properties: nodeProperties([probe]),
	};

	async execute(this: IExecuteFunctions) {
		return await runOperation(this, [probe], this.continueOnFail());
	}
}

/** Runs Input → the probe through n8n-core's WorkflowExecute, as `runMetalNode` runs Metal. */
export async function runProbe(
	operation: 'create' | 'update' | 'get' | 'getUntil' | 'getAll' | 'search',
	options: Omit<RunOptions, 'parameters' | 'nodeType'> & { parameters?: Record<string, unknown> },
) {
	return await runMetalNode({
		...options,
		parameters: { resource: 'probe', operation, ...options.parameters } as RunOptions['parameters'],
		nodeType: { name: 'test.metalProbe', type: new ProbeNode() },
	});
}

export const THING_ID = '665f1c2a9b1e4a0012a3b4c5';
export const thing = { __rl: true, mode: 'id', value: THING_ID };
