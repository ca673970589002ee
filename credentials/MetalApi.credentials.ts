import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { metalHeaders } from '../nodes/Metal/transport/auth';
import { BAD_BASE_URL, parseBaseUrl } from '../nodes/Metal/transport/baseUrl';

const REDIRECT =
	'The Base URL redirects elsewhere. The Test does not follow redirects, so that the API key is never sent to another address: set Base URL to the address the API answers at.';

export class MetalApi implements ICredentialType {
	name = 'metalApi';

	displayName = 'Metal API';

	icon: Icon = {
		light: 'file:../nodes/Metal/metal.svg',
		dark: 'file:../nodes/Metal/metal.dark.svg',
	};

	documentationUrl = 'https://docs.metal.ai/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ci_...',
			description:
				'The Client ID of your Metal API key. Create keys in the Metal app under Settings → Organization → API & MCP Access.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret of your Metal API key. Metal shows it only once, when the key is created.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.metal.ai',
			description:
				'Where Metal API requests go. Keep the default unless you reach Metal through a proxy or use a local simulator. Use https:// for any host but this machine: with http:// the API key travels unencrypted.',
		},
	];

	/**
	 * Adds the two Metal headers and turns redirects off: n8n carries custom headers across hosts on
	 * a redirect, so a Base URL that redirects would receive the API key at another address. A Base
	 * URL the node refuses is refused here too, in the same words (this runs for the Test as well).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (parseBaseUrl(credentials.baseUrl) === undefined) throw new Error(BAD_BASE_URL.message);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, ...metalHeaders(credentials) },
			disableFollowRedirect: true,
			// The same for n8n's older request helper, which some nodes use with a credential.
			...{ followRedirect: false, followAllRedirects: false },
		};
	}

	// GET /v1/keys/current returns the calling key's metadata: the cheapest request that proves both
	// headers are accepted. A trailing slash in the Base URL is removed so the path joins cleanly.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/v1/keys/current',
			method: 'GET',
		},
		// Without rules n8n would show only "Unauthorized" or "Found"; these keep Metal's own words
		// and say why a redirect is not followed.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Metal did not accept the credentials: invalid api key or clientId. Check the Client ID and API Key.',
				},
			},
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: { value, message: REDIRECT },
			})),
		],
	};
}
