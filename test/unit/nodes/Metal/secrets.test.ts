import nock from 'nock';
import { NodeOperationError, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { Metal } from '../../../../nodes/Metal/Metal.node';
import { containsText } from '../../../helpers/findText';

import { created, interceptMetal } from '../../../helpers/metalNock';
import { BASE_URL, CANARY_KEY, runMetalNode, type RunOptions } from '../../../helpers/runMetalNode';

const create = { resource: 'workspace', operation: 'create', name: '={{ $json.name }}' };
const items = [{ name: 'Atlas' }, { name: 'Borealis' }];

// Every row has its options, even empty: jest would take a missing third value for `done`.
const scenarios: Array<[string, () => void, Partial<RunOptions>]> = [
	['created', () => interceptMetal({ path: '/v1/workspaces', times: 2, reply: created }), {}],
	[
		'400',
		() =>
			interceptMetal({
				path: '/v1/workspaces',
				reply: () => [400, { error: 'Invalid request body' }],
			}),
		{},
	],
	[
		'401',
		() =>
			interceptMetal({
				path: '/v1/workspaces',
				reply: () => [401, { error: 'invalid api key or clientId' }],
			}),
		{},
	],
	[
		'500',
		() => interceptMetal({ path: '/v1/workspaces', reply: () => [500, { error: 'boom' }] }),
		{},
	],
	[
		'a dropped connection',
		() => {
			nock(BASE_URL)
				.post('/v1/workspaces')
				.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		},
		{},
	],
	[
		'a timeout',
		() => {
			nock(BASE_URL).post('/v1/workspaces').delay(500).reply(201, {});
		},
		{ parameters: { ...create, options: { timeout: 100 } } },
	],
	['bad input', () => {}, { parameters: { ...create, name: '={{ 42 }}' } }],
	[
		'401 with Continue On Fail',
		() =>
			interceptMetal({
				path: '/v1/workspaces',
				times: 2,
				reply: () => [401, { error: 'invalid api key or clientId' }],
			}),
		{ onError: 'continueErrorOutput' },
	],
];

/** The Metal node, keeping what its execute() throws, before n8n copies it into the run data. */
function capturingMetal(thrown: unknown[]): INodeType {
	const metal = new Metal();
	return {
		description: metal.description,
		methods: metal.methods,
		async execute(this: IExecuteFunctions) {
			try {
				return await metal.execute.call(this);
			} catch (error) {
				thrown.push(error);
				// The node throws only n8n errors, which this constructor hands back unchanged.
				throw new NodeOperationError(this.getNode(), error as Error);
			}
		},
	};
}

describe('the API key never appears in what a run returns, nor in the error the node throws', () => {
	it.each(scenarios)('%s', async (_, intercept, options) => {
		intercept();
		const thrown: unknown[] = [];

		const { run } = await runMetalNode({
			items,
			parameters: create,
			...options,
			nodeType: { name: 'n8n-nodes-metal.metal', type: capturingMetal(thrown) },
		});

		expect(containsText(run, CANARY_KEY)).toBe(false);
		expect(thrown.some((error) => containsText(error, CANARY_KEY))).toBe(false);
	});

	it('the search can find the key where it is', () => {
		const inCause = Object.assign(new Error('boom'), {
			cause: { config: { headers: { 'x-metal-api-key': CANARY_KEY } } },
		});
		const hidden = new Error('boom');
		Object.defineProperty(hidden, 'secret', { value: { deep: [CANARY_KEY] }, enumerable: false });

		expect(containsText(inCause, CANARY_KEY)).toBe(true);
		expect(containsText(hidden, CANARY_KEY)).toBe(true);
		expect(containsText(new Error('boom'), CANARY_KEY)).toBe(false);
	});
});
