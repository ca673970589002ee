import { created, interceptMetal, workspaceFor } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	CREDENTIALS,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';

const create = (parameters: Record<string, unknown>) => ({
	resource: 'workspace',
	operation: 'create',
	...parameters,
});

function run(options: Omit<RunOptions, 'parameters'> & { parameters: Record<string, unknown> }) {
	return runMetalNode({ ...options, parameters: create(options.parameters) as never });
}

describe('Workspace → Create: the request', () => {
	it.each([
		['only the name', { name: 'Project Atlas' }, { name: 'Project Atlas' }],
		[
			'name and company',
			{ name: 'Project Atlas', additionalFields: { company: 'Acme Holdings' } },
			{ name: 'Project Atlas', company: 'Acme Holdings' },
		],
		[
			'name and private',
			{ name: 'Project Atlas', additionalFields: { isPrivate: true } },
			{ name: 'Project Atlas', isPrivate: true },
		],
		[
			'name, company and not private',
			{ name: 'Project Atlas', additionalFields: { company: 'Acme', isPrivate: false } },
			{ name: 'Project Atlas', company: 'Acme', isPrivate: false },
		],
		[
			'an empty company, which is left out',
			{ name: 'Project Atlas', additionalFields: { company: '' } },
			{ name: 'Project Atlas' },
		],
	])('sends %s', async (_, parameters, expectedBody) => {
		const requests = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output, error } = await run({ parameters });

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/workspaces');
		expect(request.headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual(expectedBody);
		expect(output).toEqual([{ json: workspaceFor(expectedBody, 0), pairedItem: { item: 0 } }]);
	});

	it('sends to the Base URL of the credential, with or without a trailing slash', async () => {
		const requests = interceptMetal({
			baseUrl: 'http://127.0.0.1:4010',
			path: '/proxy/v1/workspaces',
			reply: created,
		});

		const { output } = await run({
			parameters: { name: 'Via proxy' },
			credentials: { ...CREDENTIALS, baseUrl: 'http://127.0.0.1:4010/proxy/' },
		});

		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/proxy/v1/workspaces', { name: 'Via proxy' }],
		]);
		expect(output).toHaveLength(1);
	});

	it('resolves expressions per item: one request and one paired output per item, in order', async () => {
		const requests = interceptMetal({ path: '/v1/workspaces', times: 3, reply: created });
		const items = [
			{ deal: 'Atlas', target: 'Acme', confidential: true },
			{ deal: 'Borealis', target: 'Globex', confidential: false },
			{ deal: 'Cygnus', target: 'Initech', confidential: true },
		];

		const { output } = await run({
			items,
			parameters: {
				name: '={{ "Deal " + $json.deal }}',
				additionalFields: {
					company: '={{ $json.target }}',
					isPrivate: '={{ $json.confidential }}',
				},
			},
		});

		const bodies = items.map((item) => ({
			name: `Deal ${item.deal}`,
			company: item.target,
			isPrivate: item.confidential,
		}));
		expect(requests.map((r) => r.body)).toEqual(bodies);
		expect(output).toEqual(
			bodies.map((body, index) => ({
				json: workspaceFor(body, index),
				pairedItem: { item: index },
			})),
		);
		expect(output?.map((item) => item.json.name)).toEqual([
			'Deal Atlas',
			'Deal Borealis',
			'Deal Cygnus',
		]);
	});
});

describe('Workspace → Create: its own errors', () => {
	it("404: the Base URL may lack the workspaces endpoint: Metal's words, and what to check", async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces',
			times: 2,
			reply: () => [404, { error: 'Not found' }],
		});

		const { error } = await run({ parameters: { name: 'Atlas' } });

		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('Metal could not find it: Not found');
		expect(error?.description?.split('\n')[0]).toBe(
			'No workspace was created. Check the Base URL in the Metal API credential (https://api.metal.ai, or a proxy that forwards /v1/workspaces to it), and that the records this item names belong to the organization of the API key.',
		);
	});

	it('a 500 names the workspace that may exist', async () => {
		interceptMetal({
			path: '/v1/workspaces',
			reply: () => [500, { error: 'Internal server error' }],
		});

		const { error } = await run({ parameters: { name: 'Atlas' } });

		expect(error?.description?.split('\n')[0]).toBe(
			'The workspace may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
		);
	});
});
