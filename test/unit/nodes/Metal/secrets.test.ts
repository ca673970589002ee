import nock from 'nock';

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

describe('the API key never appears in what a run returns', () => {
	it.each(scenarios)('%s', async (_, intercept, options) => {
		intercept();

		const { run } = await runMetalNode({ items, parameters: create, ...options });

		expect(JSON.stringify(run)).not.toContain(CANARY_KEY);
	});
});
