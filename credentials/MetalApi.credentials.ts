import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
				'Where Metal API requests go. Keep the default unless you reach Metal through a proxy or use a local simulator.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-metal-client-id': '={{$credentials.clientId}}',
				'x-metal-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	// GET /v1/keys/current returns the calling key's metadata: the cheapest request that proves both
	// headers are accepted. A trailing slash in the Base URL is removed so the path joins cleanly.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/v1/keys/current',
			method: 'GET',
		},
		// Without a rule n8n would show only "Unauthorized"; this keeps Metal's own words.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Metal did not accept the credentials: invalid api key or clientId. Check the Client ID and API Key.',
				},
			},
		],
	};
}
