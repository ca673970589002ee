import nock from 'nock';

import { interceptMetal } from '../../../../helpers/metalNock';
import { runProbe, thing, THING_ID } from '../../../../helpers/probe';
import { BASE_URL, CANARY_KEY, CLIENT_ID, CREDENTIALS } from '../../../../helpers/runMetalNode';
import { containsText } from '../../../../helpers/findText';

type Operation = 'create' | 'update' | 'get';
const methodOf = { create: 'post', update: 'put', get: 'get' } as const;
const pathOf = (operation: Operation) =>
	operation === 'create' ? '/v1/things' : `/v1/things/${THING_ID}`;

/** One request of `operation`, answered `status` with `body` (and `headers`), every time. */
async function answered(
	operation: Operation,
	status: number,
	body: unknown,
	headers?: Record<string, string>,
) {
	const requests = interceptMetal({
		method: methodOf[operation],
		path: pathOf(operation),
		times: 5,
		reply: () => [status, body, headers],
	});
	const run = await runProbe(operation, { parameters: { name: 'A', thingId: thing } });
	return { ...run, requests };
}

const AFTER = {
	create: 'No thing was created. ',
	update: 'The thing was not updated. ',
	get: '',
};

describe('errors from Metal say what happened, then what to do, in the words of the effect', () => {
	it.each([
		[
			400,
			'Invalid request body',
			'Metal rejected the request as invalid: Invalid request body',
			"Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
		],
		[
			401,
			'invalid api key or clientId',
			'Metal did not accept the credentials: invalid api key or clientId',
			'Check the Client ID and API Key in the Metal API credential. Keys are managed in the Metal app under Settings → Organization → API & MCP Access; a revoked key stops working within minutes.',
		],
		[
			403,
			'forbidden',
			'Metal refused access: forbidden',
			"The API key is valid but may not use this resource. Ask an admin of your Metal organization to check the key's access.",
		],
		[
			422,
			'workspace limit reached for your plan',
			'Metal could not process the request: workspace limit reached for your plan',
			"This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
		],
		[
			418,
			"I'm a teapot",
			"Metal answered with an unexpected status (418): I'm a teapot",
			'Check the Base URL in the Metal API credential: it should point at the Metal API.',
		],
	])('%i, sent once, for create, update and read', async (status, metal, message, advice) => {
		for (const operation of ['create', 'update', 'get'] as const) {
			const { requests, error } = await answered(operation, status, { error: metal });

			expect(requests).toHaveLength(1);
			expect(error?.message).toBe(message);
			expect(error?.description?.split('\n')[0]).toBe(`${AFTER[operation]}${advice}`);
			expect(containsText(error, CANARY_KEY)).toBe(false);
			nock.cleanAll();
		}
	});

	it('404, sent once: worded from the path, by the record it names, or quoting Metal when it names none', async () => {
		const worded = {
			// A create's path names no record: the endpoint, or a record its body names, is missing.
			create: [
				'Metal could not find it: Not found',
				'Check the Base URL in the Metal API credential (https://api.metal.ai, or a proxy that forwards /v1/things to it), and that the records this item names belong to the organization of the API key.',
			],
			update: [
				`Metal has no thing with the ID "${THING_ID}"`,
				"Check the ID: it may be mistyped, or belong to a thing of another organization than the API key's.",
			],
			get: [
				`Metal has no thing with the ID "${THING_ID}"`,
				"Check the ID: it may be mistyped, or belong to a thing of another organization than the API key's.",
			],
		};
		for (const operation of ['create', 'update', 'get'] as const) {
			const { requests, error } = await answered(operation, 404, { error: 'Not found' });

			expect(requests).toHaveLength(1);
			expect(error?.message).toBe(worded[operation][0]);
			expect(error?.description?.split('\n')[0]).toBe(`${AFTER[operation]}${worded[operation][1]}`);
			nock.cleanAll();
		}
	});

	it('an update refused after a try that may have reached Metal: it may or may not have been updated', async () => {
		// A 503 (Metal may have applied it), then Metal's refusal of the retry.
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/things/${THING_ID}`,
			times: 2,
			reply: (_, index) =>
				index === 0 ? [503, { error: 'unavailable' }] : [422, { error: 'conflict' }],
		});

		const { error } = await runProbe('update', { parameters: { name: 'A', thingId: thing } });

		expect(requests).toHaveLength(2);
		expect(error?.message).toBe('Metal could not process the request: conflict');
		expect(error?.description?.split('\n')).toEqual([
			"The thing may or may not have been updated. Running this item again is safe: an update sends the same values again. This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
			'',
			'The run stopped at item 0.',
			'Updated: none.',
			'May or may not have been updated (running them again is safe): 0.',
			'Not updated (never sent, or rate-limited and not sent again): none.',
			'Fix the cause, then run the items that were not updated again; updating an item twice sets the same values.',
		]);
	});

	it('an update refused on its first try was not updated', async () => {
		const { error } = await answered('update', 422, { error: 'conflict' });

		expect(error?.description?.split('\n')[0]).toBe(
			"The thing was not updated. This is usually a plan limit or a conflict, as Metal's message says. To raise a plan limit, contact support@metal.ai.",
		);
	});

	it('a server error: a create may exist and is not sent again', async () => {
		const { requests, error } = await answered('create', 500, { error: 'Internal server error' });

		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('Metal answered with a server error (500): Internal server error');
		expect(error?.description?.split('\n')[0]).toBe(
			'The thing may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
		);
	});

	it('names the status when Metal gives no error text', async () => {
		const { error } = await answered('create', 502, '<html>Bad gateway</html>');

		expect(error?.message).toBe('Metal answered with a server error (502): HTTP 502');
	});

	it.each([301, 302, 303, 307, 308])(
		'a %i to a create is "may or may not have been created", and is not followed',
		async (status) => {
			const other = nock('http://127.0.0.1:9').post('/v1/things').reply(201, {});

			const { requests, error } = await answered(
				'create',
				status,
				{},
				{ Location: 'http://127.0.0.1:9/v1/things' },
			);

			expect(requests).toHaveLength(1);
			expect(other.isDone()).toBe(false);
			expect(error?.message).toBe(
				`The Base URL redirects elsewhere (${status} to http://127.0.0.1:9/v1/things)`,
			);
			expect(error?.description?.split('\n')).toEqual(
				expect.arrayContaining([
					'The thing may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice. The node does not follow redirects, so that the API key is never sent to another address. Set the Base URL in the Metal API credential to the address the API answers at.',
					'May or may not have been created (check in Metal before running them again): 0.',
				]),
			);
		},
	);

	it('a redirect of a read says only where it points', async () => {
		const { error } = await answered('get', 302, {}, { Location: 'https://elsewhere.example/' });

		expect(error?.message).toBe(
			'The Base URL redirects elsewhere (302 to https://elsewhere.example/)',
		);
		expect(error?.description?.split('\n')[0]).toBe(
			'The node does not follow redirects, so that the API key is never sent to another address. Set the Base URL in the Metal API credential to the address the API answers at.',
		);
	});
});

describe("upstream text is scrubbed of the credential's secrets and cut short", () => {
	it.each([
		['the API key', CANARY_KEY],
		['the client id', CLIENT_ID],
		['the API key, URL-encoded', encodeURIComponent(CANARY_KEY)],
	])('an error text echoing %s', async (_, secret) => {
		const { error, run } = await answered('create', 400, {
			error: `bad header x-metal-api-key: ${secret}`,
		});

		expect(error?.message).toBe(
			'Metal rejected the request as invalid: bad header x-metal-api-key: [redacted]',
		);
		expect(containsText(run, secret)).toBe(false);
	});

	it('a Location header echoing the key', async () => {
		const { error, run } = await answered(
			'get',
			302,
			{},
			{ Location: `https://proxy.example/login?key=${CANARY_KEY}` },
		);

		expect(error?.message).toBe(
			'The Base URL redirects elsewhere (302 to https://proxy.example/login?key=[redacted])',
		);
		expect(containsText(run, CANARY_KEY)).toBe(false);
	});

	it('a long upstream message is cut to 300 characters', async () => {
		const { error } = await answered('create', 400, { error: 'x'.repeat(5000) });

		expect(error?.message).toBe(`Metal rejected the request as invalid: ${'x'.repeat(300)}…`);
	});

	it('with Continue On Fail, the error item is scrubbed too', async () => {
		interceptMetal({
			path: '/v1/things',
			reply: () => [422, { error: `key ${CANARY_KEY} over quota` }],
		});

		const { output, run } = await runProbe('create', {
			parameters: { name: 'A' },
			onError: 'continueRegularOutput',
		});

		expect(output?.[0].json.error).toBe(
			'Metal could not process the request: key [redacted] over quota',
		);
		expect(containsText(run, CANARY_KEY)).toBe(false);
	});

	it('an answer echoing the key in its data: the output holds no key', async () => {
		interceptMetal({
			path: '/v1/things',
			reply: () => [
				201,
				{ data: { id: THING_ID, note: `made with ${CANARY_KEY}`, nested: [{ k: CANARY_KEY }] } },
			],
		});

		const { output, run } = await runProbe('create', { parameters: { name: 'A' } });

		expect(output?.[0].json).toEqual({
			id: THING_ID,
			note: 'made with [redacted]',
			nested: [{ k: '[redacted]' }],
		});
		expect(containsText(run, CANARY_KEY)).toBe(false);
	});
});

describe('every answer is checked: never a bare TypeError, never an output that is not an object', () => {
	it.each<[string, unknown]>([
		['no data', { ok: true }],
		['data that is null', { data: null }],
		['data that is a list', { data: [{ id: 'a' }] }],
		['data that is text', { data: 'created' }],
		['a body that is text', 'created'],
		['a body that is a list', [{ id: 'a' }]],
		['an empty body', ''],
	])('one record, with %s: the unexpected answer error', async (_, body) => {
		for (const operation of ['create', 'get'] as const) {
			const { error, output } = await answered(operation, 200, body);

			expect(output).toBeUndefined();
			expect(error?.message).toBe('Metal answered without the expected data');
			// What Metal sent is quoted, as JSON or as the text it was.
			const sent = typeof body === 'string' ? body || 'nothing' : JSON.stringify(body);
			expect(error?.description?.split('\n')[0]).toBe(
				`Metal sent: ${sent}. Check that the Base URL in the Metal API credential points at the Metal API.${operation === 'create' ? ' The thing may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.' : ''}`,
			);
			nock.cleanAll();
		}
	});

	it.each<[string, unknown]>([
		['no data', { metadata: {} }],
		['data that is an object', { data: { id: 'a' } }],
		['entries that are not objects', { data: ['a', 'b'] }],
		['an entry that is null', { data: [{ id: 'a' }, null] }],
		['an entry that is a list', { data: [[{ id: 'a' }]] }],
		['an entry that is a number', { data: [1] }],
	])('a list, with %s: the unexpected answer error', async (_, body) => {
		interceptMetal({ method: 'get', path: '/v1/things?limit=50', reply: () => [200, body] });

		const { error, output } = await runProbe('getAll', {});

		expect(output).toBeUndefined();
		expect(error?.message).toBe('Metal answered without the expected list of objects');
		expect(error?.description?.split('\n')[0]).toBe(
			`Metal sent: ${JSON.stringify(body)}. Check that the Base URL in the Metal API credential points at the Metal API.`,
		);
	});

	it('an unexpected answer is quoted with the secrets scrubbed, and cut short', async () => {
		const body = { items: [{ key: CANARY_KEY, client: CLIENT_ID }], pad: 'x'.repeat(400) };

		const { error } = await answered('get', 200, body);

		const quoted = JSON.stringify(body)
			.split(CANARY_KEY)
			.join('[redacted]')
			.split(CLIENT_ID)
			.join('[redacted]');
		expect(error?.description?.split('\n')[0]).toBe(
			`Metal sent: ${quoted.slice(0, 300)}…. Check that the Base URL in the Metal API credential points at the Metal API.`,
		);
		expect(containsText(error, CANARY_KEY)).toBe(false);
	});
});

describe('the Base URL', () => {
	it.each([
		'ftp://api.metal.ai',
		'https://user:secret@api.metal.ai',
		'https://api.metal.ai/?debug=1',
		'https://api.metal.ai/?',
		'https://api.metal.ai/#v1',
		'https://api.metal.ai/#',
	])('%p is refused before anything is sent', async (baseUrl) => {
		const { error } = await runProbe('create', {
			parameters: { name: 'A' },
			credentials: { ...CREDENTIALS, baseUrl },
		});

		expect(error?.message).toBe('The Base URL in the Metal API credential is not an http(s) URL');
		expect(error?.description).toBe(
			'Open the Metal API credential and set Base URL to https://api.metal.ai, or to the address of your proxy or local simulator, starting with https:// or http://, without a user name, password, query or fragment.',
		);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('a path prefix and a trailing slash are kept and tidied', async () => {
		const requests = interceptMetal({
			baseUrl: 'http://127.0.0.1:4010',
			path: '/proxy/v1/things',
			reply: () => [201, { data: { id: THING_ID } }],
		});

		await runProbe('create', {
			parameters: { name: 'A' },
			credentials: { ...CREDENTIALS, baseUrl: 'HTTP://127.0.0.1:4010/proxy/' },
		});

		expect(requests.map((r) => [r.method, r.path])).toEqual([['POST', '/proxy/v1/things']]);
	});

	it('sends exactly the two Metal headers from the credential', async () => {
		const { requests } = await answered('get', 200, { data: { id: THING_ID } });

		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(Object.keys(requests[0].headers).filter((h) => h.startsWith('x-metal'))).toHaveLength(2);
	});
});

describe('IDs are checked in every run, not only in the editor', () => {
	it.each([
		['..', '..'],
		['a path', '665f1c2a9b1e4a0012a3b4c5/../keys'],
		['23 characters', '665f1c2a9b1e4a0012a3b4c'],
		['25 characters', '665f1c2a9b1e4a0012a3b4c56'],
		['not hexadecimal', '665f1c2a9b1e4a0012a3b4cz'],
		['a URL', 'https://api.metal.ai/v1/things/665f1c2a9b1e4a0012a3b4c5'],
	])('%s is refused, naming the item, before anything is sent', async (_, value) => {
		const { error } = await runProbe('get', {
			items: [{ id: THING_ID }, { id: value }],
			parameters: { thingId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		});

		expect(error?.message).toBe(
			`The "Thing" parameter in item 1 is the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}", not a Metal ID`,
		);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it.each([
		['only a zero-width space', '\u200b'],
		['only a byte order mark', '\ufeff'],
		['only a word joiner and spaces', ' \u2060 '],
		['only a braille blank', '\u2800'],
		['only a Hangul filler', '\u3164'],
	])('%s is empty', async (_, value) => {
		const { error } = await runProbe('get', {
			parameters: { thingId: { __rl: true, mode: 'id', value: `={{ ${JSON.stringify(value)} }}` } },
		});

		expect(error?.message).toBe('The "Thing" parameter is empty in item 0');
	});

	it('an ID with spaces around it is trimmed', async () => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/things/${THING_ID}`,
			reply: () => [200, { data: { id: THING_ID } }],
		});

		await runProbe('get', {
			parameters: { thingId: { __rl: true, mode: 'id', value: ` ${THING_ID}\n` } },
		});

		expect(requests).toHaveLength(1);
	});
});

it('a request n8n cannot make at all is an error naming it, with the key nowhere', async () => {
	nock(BASE_URL)
		.post('/v1/things')
		.replyWithError(
			Object.assign(new Error(`weird failure with ${CANARY_KEY}`), { code: 'EWEIRD' }),
		);

	const { error, run } = await runProbe('create', { parameters: { name: 'A' } });

	expect(error?.message).toBe('The request to Metal failed: weird failure with [redacted]');
	expect(containsText(run, CANARY_KEY)).toBe(false);
});
