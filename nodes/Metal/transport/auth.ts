/** The two headers Metal authenticates every request with (docs.metal.ai/authentication). */
export function metalHeaders(credentials: {
	clientId?: unknown;
	apiKey?: unknown;
}): Record<string, string> {
	return {
		'x-metal-client-id': String(credentials.clientId ?? ''),
		'x-metal-api-key': String(credentials.apiKey ?? ''),
	};
}
