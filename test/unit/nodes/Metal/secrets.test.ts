import nock from 'nock';
import { NodeOperationError, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { Metal } from '../../../../nodes/Metal/Metal.node';
import { containsText } from '../../../helpers/findText';

import { startLocalServer } from '../../../helpers/localServer';
import { created, interceptMetal } from '../../../helpers/metalNock';
import {
	BASE_URL,
	CANARY_KEY,
	CLIENT_ID,
	CREDENTIALS,
	runMetalNode,
	type RunOptions,
} from '../../../helpers/runMetalNode';

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

describe('a Client ID and API Key pasted with white space around them', () => {
	// A real server on 127.0.0.1: nock would hand the header on as it was sent.
	beforeAll(() => nock.enableNetConnect('127.0.0.1'));
	afterAll(() => nock.disableNetConnect());

	it('are sent bare, and scrubbed bare from what a server that quotes them back answers', async () => {
		// A real server: like every HTTP server, it drops the white space around a header value, so
		// what it quotes back is the bare key. It echoes the headers in a created record, then in a 400.
		const server = await startLocalServer((req, res, body) => {
			const quoted = `key ${String(req.headers['x-metal-api-key'])} client ${String(req.headers['x-metal-client-id'])}`;
			const { name } = JSON.parse(body) as { name: string };
			res.writeHead(name === 'Atlas' ? 201 : 400, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify(
					name === 'Atlas' ? { data: { id: 'w1', name, note: quoted } } : { error: quoted },
				),
			);
		});
		try {
			const { output, run } = await runMetalNode({
				items,
				parameters: create,
				onError: 'continueRegularOutput',
				credentials: {
					...CREDENTIALS,
					apiKey: ` ${CANARY_KEY}\t`,
					clientId: `\n${CLIENT_ID} `,
					baseUrl: server.url,
				},
			});

			expect(
				server.requests.map((r) => [r.headers['x-metal-api-key'], r.headers['x-metal-client-id']]),
			).toEqual([
				[CANARY_KEY, CLIENT_ID],
				[CANARY_KEY, CLIENT_ID],
			]);
			expect(output).toEqual([
				{
					json: { id: 'w1', name: 'Atlas', note: 'key [redacted] client [redacted]' },
					pairedItem: { item: 0 },
				},
				{
					json: {
						error: 'Metal rejected the request as invalid: key [redacted] client [redacted]',
						details:
							"No workspace was created. Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
					},
					pairedItem: { item: 1 },
				},
			]);
			expect(containsText(run, CANARY_KEY)).toBe(false);
			expect(containsText(run, CLIENT_ID)).toBe(false);
		} finally {
			await server.close();
		}
	});
});
