import nock from 'nock';
import { sleep } from 'n8n-workflow';

import {
	created,
	inFlightCounter,
	interceptMetal,
	workspaceFor,
} from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	BASE_URL,
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

describe('Workspace → Create: errors from Metal', () => {
	it.each([
		[
			400,
			'Invalid request body',
			'Metal rejected the request as invalid: Invalid request body',
			"No workspace was created. Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
		],
		[
			401,
			'invalid api key or clientId',
			'Metal did not accept the credentials: invalid api key or clientId',
			'No workspace was created. Check the Client ID and API Key in the Metal API credential. Keys are managed in the Metal app under Settings → Organization → API & MCP Access; a revoked key stops working within minutes.',
		],
		[
			403,
			'forbidden',
			'Metal refused access: forbidden',
			"No workspace was created. The API key is valid but may not use this resource. Ask an admin of your Metal organization to check the key's access.",
		],
		[
			404,
			'not found',
			'Metal has no workspaces endpoint at this Base URL',
			'No workspace was created. Check the Base URL in the Metal API credential: it should be https://api.metal.ai, or a proxy that forwards /v1/workspaces to it.',
		],
		[
			422,
			'workspace limit reached for your plan',
			'Metal could not process the request: workspace limit reached for your plan',
			"No workspace was created. This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
		],
		[
			500,
			'Internal server error',
			'Metal answered with a server error (500): Internal server error',
			'The workspace may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
		],
	])(
		'%i: says what happened and what to do, sent once',
		async (status, metal, message, description) => {
			const requests = interceptMetal({
				path: '/v1/workspaces',
				times: 2,
				reply: () => [status, { error: metal }],
			});

			const { output, error } = await run({ parameters: { name: 'Atlas' } });

			expect(requests).toHaveLength(1);
			expect(output).toBeUndefined();
			expect(error?.message).toBe(message);
			expect(error?.description).toBe(
				`${description}\n\nThe run stopped at item 0.\nCreated: none.\n${status >= 500 ? 'May or may not have been created (check in Metal before running them again)' : 'Failed, nothing created'}: 0.\nNot sent: none.\nFix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.`,
			);
			expect(JSON.stringify(error)).not.toContain(CANARY_KEY);
		},
	);

	it('names the status when Metal gives no error text', async () => {
		interceptMetal({ path: '/v1/workspaces', reply: () => [502, '<html>Bad gateway</html>'] });

		const { error } = await run({ parameters: { name: 'Atlas' } });

		expect(error?.message).toBe('Metal answered with a server error (502): HTTP 502');
	});

	it('a dropped connection: the workspace may exist, so it is not sent again', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/workspaces')
			.times(2)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

		const { error } = await run({ parameters: { name: 'Atlas' } });

		expect(scope.pendingMocks()).toHaveLength(1);
		expect(error?.message).toBe('The connection to Metal was closed before it answered');
		expect(error?.description).toMatch(
			/^The workspace may or may not have been created: check in Metal before running this item again\. The node does not retry it by itself, so that it is never created twice\./,
		);
	});

	it('a timeout: the workspace may exist, so it is not sent again', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/workspaces')
			.times(2)
			.delay(1_000)
			.reply(201, { data: { id: 'late' } });

		const { error } = await run({ parameters: { name: 'Atlas', options: { timeout: 200 } } });

		expect(error?.message).toBe('Metal did not answer within 200 ms');
		expect(error?.description).toMatch(/^The workspace may or may not have been created/);
		expect(scope.pendingMocks()).toHaveLength(1);
	});

	it('a 201 without a workspace: says the workspace may exist', async () => {
		interceptMetal({ path: '/v1/workspaces', reply: () => [201, { ok: true }] });

		const { error } = await run({ parameters: { name: 'Atlas' } });

		expect(error?.message).toBe('Metal answered without the expected data');
		expect(error?.description).toMatch(
			/^Check that the Base URL in the Metal API credential points at the Metal API\. The workspace may or may not have been created: check in Metal before running this item again\./,
		);
	});

	it('a Base URL that is not http(s): fails before sending anything', async () => {
		const { error } = await run({
			parameters: { name: 'Atlas' },
			credentials: { ...CREDENTIALS, baseUrl: 'ftp://api.metal.ai' },
		});

		expect(error?.message).toBe('The Base URL in the Metal API credential is not an http(s) URL');
		expect(error?.description).toBe(
			'Open the Metal API credential and set Base URL to https://api.metal.ai, or to the address of your proxy or local simulator, starting with https:// or http://.',
		);
	});
});

describe('Workspace → Create: bad input is caught before anything is sent', () => {
	// The first item is always fine: the second one's error must stop the run before item 0 is sent.
	const secondItem = (value: string, first = '"First"') =>
		`={{ $itemIndex === 0 ? ${first} : ${value} }}`;

	it.each([
		['an empty name', { name: secondItem('""') }, 'The "Name" parameter is empty in item 1'],
		['a blank name', { name: secondItem('"   "') }, 'The "Name" parameter is empty in item 1'],
		[
			'a missing field',
			{ name: secondItem('$json.missing') },
			'The "Name" parameter is empty in item 1',
		],
		['a null', { name: secondItem('null') }, 'The "Name" parameter is empty in item 1'],
		[
			'a number',
			{ name: secondItem('42') },
			'The "Name" parameter in item 1 is the number 42, not text',
		],
		[
			'a list',
			{ name: secondItem('[1, 2]') },
			'The "Name" parameter in item 1 is a list, not text',
		],
		[
			'a company that is an object',
			{ name: 'Atlas', additionalFields: { company: secondItem('{ a: 1 }') } },
			'The "Company" parameter in item 1 is an object, not text',
		],
		[
			'a private flag given as text',
			{ name: 'Atlas', additionalFields: { isPrivate: secondItem('"yes"', 'true') } },
			'The "Private" parameter in item 1 is the text "yes", not true or false',
		],
	])(
		'%s in the second item stops the run, and no request is sent',
		async (_, parameters, message) => {
			const scope = nock(BASE_URL).post('/v1/workspaces').reply(201, {});

			const { output, error } = await run({ items: [{}, {}], parameters });

			expect(output).toBeUndefined();
			expect(error?.message).toBe(message);
			expect(scope.isDone()).toBe(false);
		},
	);

	it('a bad Max Concurrent Requests option fails the run before sending', async () => {
		const scope = nock(BASE_URL).post('/v1/workspaces').reply(201, {});

		const { error } = await run({ parameters: { name: 'Atlas', options: { maxConcurrency: 0 } } });

		expect(error?.message).toBe(
			'The "Max Concurrent Requests" parameter in item 0 is the number 0, not a whole number from 1 to 100',
		);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Workspace → Create: many items', () => {
	it.each([
		['Max Concurrent Requests', { maxConcurrency: 3 }, 12, 3],
		['50 by default', {}, 60, 50],
	])('keeps at most %s in flight, outputs in input order', async (_, options, count, most) => {
		const counter = inFlightCounter(created);
		const requests = interceptMetal({ path: '/v1/workspaces', times: count, reply: counter.reply });
		const items = Array.from({ length: count }, (_, n) => ({ name: `W${n}` }));

		const { output } = await run({ items, parameters: { name: '={{ $json.name }}', options } });

		expect(requests).toHaveLength(count);
		expect(counter.most()).toBe(most);
		expect(output?.map((item) => [item.json.name, item.pairedItem])).toEqual(
			items.map((item, index) => [item.name, { item: index }]),
		);
	});

	it('without Continue On Fail: stops at the first failure, lets requests in flight finish, and accounts for every item', async () => {
		// Items 0-3 go out together; item 2 fails; 0, 1 and 3 finish; 4-7 are never sent.
		const requests = interceptMetal({
			path: '/v1/workspaces',
			times: 8,
			reply: async (body, index) => {
				const { name } = body as { name: string };
				if (name === 'W2') return [500, { error: 'Internal server error' }];
				await sleep(30);
				return created(body, index);
			},
		});
		const items = Array.from({ length: 8 }, (_, n) => ({ name: `W${n}` }));

		const { output, error } = await run({
			items,
			parameters: { name: '={{ $json.name }}', options: { maxConcurrency: 4 } },
		});

		const sent = requests.map((r) => (r.body as { name: string }).name);
		expect(sent).toEqual(['W0', 'W1', 'W2', 'W3']);
		const idOf = (name: string) => workspaceFor({ name }, sent.indexOf(name)).id;
		expect(output).toBeUndefined();
		expect(error?.message).toBe('Metal answered with a server error (500): Internal server error');
		expect(error?.description).toBe(
			[
				'The workspace may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
				'',
				'The run stopped at item 2.',
				`Created: 0 (id ${idOf('W0')}); 1 (id ${idOf('W1')}); 3 (id ${idOf('W3')}).`,
				'May or may not have been created (check in Metal before running them again): 2.',
				'Not sent: 4–7.',
				'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.',
			].join('\n'),
		);
	});

	it('with Continue On Fail (regular output): each failed item is an error item paired with its input, the others go on', async () => {
		interceptMetal({
			path: '/v1/workspaces',
			times: 3,
			reply: (body, index) =>
				(body as { name: string }).name === 'Bad'
					? [422, { error: 'workspace limit reached for your plan' }]
					: created(body, index),
		});

		const { output, errorOutput } = await run({
			items: [{ name: 'Good 1' }, { name: '' }, { name: 'Bad' }, { name: 'Good 2' }],
			parameters: { name: '={{ $json.name }}', options: { maxConcurrency: 1 } },
			onError: 'continueRegularOutput',
		});

		expect(errorOutput).toBeUndefined();
		expect(output).toEqual([
			{ json: workspaceFor({ name: 'Good 1' }, 0), pairedItem: { item: 0 } },
			{
				json: {
					error: 'The "Name" parameter is empty in item 1',
					details:
						'Name is required. Fill it in, or map it to a field that has a value in every item, such as {{ $json.name }}.',
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					error: 'Metal could not process the request: workspace limit reached for your plan',
					details:
						"No workspace was created. This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
				},
				pairedItem: { item: 2 },
			},
			{ json: workspaceFor({ name: 'Good 2' }, 2), pairedItem: { item: 3 } },
		]);
	});

	it('with Continue On Fail (error output): failed items go to the error output with their input fields', async () => {
		interceptMetal({
			path: '/v1/workspaces',
			times: 2,
			reply: (body, index) =>
				(body as { name: string }).name === 'Bad'
					? [400, { error: 'Invalid request body' }]
					: created(body, index),
		});

		const { output, errorOutput } = await run({
			items: [{ name: 'Good' }, { name: 'Bad' }],
			parameters: { name: '={{ $json.name }}', options: { maxConcurrency: 1 } },
			onError: 'continueErrorOutput',
		});

		expect(output).toEqual([{ json: workspaceFor({ name: 'Good' }, 0), pairedItem: { item: 0 } }]);
		expect(errorOutput).toEqual([
			{
				json: {
					name: 'Bad',
					error: 'Metal rejected the request as invalid: Invalid request body',
					details:
						"No workspace was created. Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('a second failure in flight is named too, with its own outcome', async () => {
		// Items 0 and 1 go out together: 0 is rejected (nothing created), 1 times out (unknown).
		nock(BASE_URL).post('/v1/workspaces', { name: 'Slow' }).delay(400).reply(201, {});
		interceptMetal({
			path: '/v1/workspaces',
			reply: () => [400, { error: 'Invalid request body' }],
		});

		const { error } = await run({
			items: [{ name: 'Rejected' }, { name: 'Slow' }, { name: 'Later' }],
			parameters: { name: '={{ $json.name }}', options: { maxConcurrency: 2, timeout: 200 } },
		});

		expect(error?.message).toBe('Metal rejected the request as invalid: Invalid request body');
		expect(error?.description?.split('\n').slice(2)).toEqual([
			'The run stopped at item 0.',
			'Item 1 failed too: Metal did not answer within 200 ms',
			'Created: none.',
			'May or may not have been created (check in Metal before running them again): 1.',
			'Failed, nothing created: 0.',
			'Not sent: 2.',
			'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.',
		]);
	});
});
