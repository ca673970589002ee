import nock from 'nock';
import type { INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { MetalApi } from '../../../credentials/MetalApi.credentials';
import { json, redirect, startLocalServer } from '../../helpers/localServer';
import { interceptMetal } from '../../helpers/metalNock';
import {
	BASE_URL,
	CANARY_KEY,
	CLIENT_ID,
	CREDENTIALS,
	runMetalNode,
} from '../../helpers/runMetalNode';

const credential = new MetalApi();

/**
 * n8n tests a credential by running its `test.request` as the routing of a throwaway declarative
 * node; this node type does the same, so the request goes through n8n-core's RoutingNode.
 */
const credentialTestNode: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'Runs the Metal API credential test request',
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'metalApi', required: true }],
		properties: [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				default: '',
				routing: { request: credential.test.request },
			},
		],
	},
};

const runCredentialTest = (baseUrl = BASE_URL) =>
	runMetalNode({
		parameters: {},
		credentials: { ...CREDENTIALS, baseUrl },
		nodeType: { name: 'test.credentialTest', type: credentialTestNode },
	});

describe('Metal API credential', () => {
	it('authenticates with exactly the two Metal headers, and turns redirects off', async () => {
		const options = await credential.authenticate(CREDENTIALS, {
			url: '/v1/keys/current',
			headers: { accept: 'application/json' },
		});

		expect(options).toEqual({
			url: '/v1/keys/current',
			headers: {
				accept: 'application/json',
				'x-metal-client-id': CLIENT_ID,
				'x-metal-api-key': CANARY_KEY,
			},
			disableFollowRedirect: true,
			followRedirect: false,
			followAllRedirects: false,
		});
	});

	it('keeps the API key in a password field', () => {
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
	});

	it('defaults the Base URL to Metal production', () => {
		const baseUrl = credential.properties.find((property) => property.name === 'baseUrl');
		expect(baseUrl?.default).toBe('https://api.metal.ai');
	});

	it.each([BASE_URL, `${BASE_URL}/`, `${BASE_URL}//`])(
		'test: GET /v1/keys/current with both headers succeeds (Base URL %s)',
		async (baseUrl) => {
			const key = { id: '665f1c2a9b1e4a0012a3b4c5', name: 'n8n', clientId: CLIENT_ID };
			const requests = interceptMetal({
				method: 'get',
				path: '/v1/keys/current',
				reply: () => [200, { data: key }],
			});

			const { output, error } = await runCredentialTest(baseUrl);

			expect(error).toBeUndefined();
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('GET');
			expect(requests[0].path).toBe('/v1/keys/current');
			expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
			expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
			expect(output).toEqual([{ json: { data: key }, pairedItem: { item: 0 } }]);
		},
	);

	it('sends a Client ID and API Key pasted with spaces, tabs or line breaks around them bare (the Test too)', async () => {
		// Not every HTTP client n8n has shipped trims header values: the credential does it itself.
		const options = await credential.authenticate(
			{ ...CREDENTIALS, clientId: ` ${CLIENT_ID}\n`, apiKey: `\t${CANARY_KEY} \r\n` },
			{ url: '/v1/keys/current' },
		);

		expect(options.headers).toEqual({
			'x-metal-client-id': CLIENT_ID,
			'x-metal-api-key': CANARY_KEY,
		});
	});

	it("test: a 401 fails, and the rule shows Metal's words instead of a bare Unauthorized", async () => {
		const requests = interceptMetal({
			method: 'get',
			path: '/v1/keys/current',
			times: 3,
			reply: () => [401, { error: 'invalid api key or clientId' }],
		});

		const { error } = await runCredentialTest();

		// n8n-core sends a request that got 401 once more, in case the credential can refresh itself.
		expect(requests).toHaveLength(2);

		expect((error as { httpCode?: string })?.httpCode).toBe('401');
		expect(error?.message).toBe('Authorization failed - please check your credentials');
		expect(credential.test.rules?.[0]).toEqual({
			type: 'responseCode',
			properties: {
				value: 401,
				message:
					'Metal did not accept the credentials: invalid api key or clientId. Check the Client ID and API Key.',
			},
		});
		expect(JSON.stringify(error)).not.toContain(CANARY_KEY);
	});

	it.each([
		'https://api.metal.ai/#v1',
		'https://api.metal.ai/?debug=1',
		'https://user:secret@api.metal.ai',
		'ftp://api.metal.ai',
	])(
		'test: a Base URL the node refuses (%s) is refused in the same words, and nothing is sent',
		async (baseUrl) => {
			const { error } = await runCredentialTest(baseUrl);

			expect(error?.message).toBe('The Base URL in the Metal API credential is not an http(s) URL');
			expect(nock.pendingMocks()).toEqual([]);
		},
	);

	it('says why a redirect is not followed', () => {
		expect(credential.test.rules?.slice(1)).toEqual(
			[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode',
				properties: {
					value,
					message:
						'The Base URL redirects elsewhere. The Test does not follow redirects, so that the API key is never sent to another address: set Base URL to the address the API answers at.',
				},
			})),
		);
	});
});

describe('Metal API credential Test against a Base URL that redirects (real local servers)', () => {
	beforeAll(() => nock.enableNetConnect('127.0.0.1'));
	afterAll(() => nock.disableNetConnect());

	it.each([301, 302, 307])(
		'%i: the other address receives nothing, the key least of all',
		async (status) => {
			const elsewhere = await startLocalServer(json(200, { data: { id: 'k' } }));
			const redirecting = await startLocalServer(
				redirect(status, `${elsewhere.url}/v1/keys/current`),
			);
			try {
				const { error } = await runCredentialTest(redirecting.url);

				expect(redirecting.requests).toHaveLength(1);
				expect(redirecting.requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
				expect(elsewhere.requests).toHaveLength(0);
				expect(error).toBeDefined();
			} finally {
				await elsewhere.close();
				await redirecting.close();
			}
		},
	);
});
