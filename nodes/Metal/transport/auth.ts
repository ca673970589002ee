/**
 * The credential's Client ID and API Key as the user meant them. Keys are pasted with a space, a
 * tab or a line break around them; HTTP servers drop that white space from a header value, so Metal,
 * or a proxy that quotes the header back, sees the bare value. The bare value is what is sent, and
 * what is scrubbed from everything that comes back.
 */
export function metalSecrets(credentials: { clientId?: unknown; apiKey?: unknown }) {
	const meant = (value: unknown) => String(value ?? '').trim();
	return { clientId: meant(credentials.clientId), apiKey: meant(credentials.apiKey) };
}

/** The two headers Metal authenticates every request with (docs.metal.ai/authentication). */
export function metalHeaders(credentials: {
	clientId?: unknown;
	apiKey?: unknown;
}): Record<string, string> {
	const { clientId, apiKey } = metalSecrets(credentials);
	return { 'x-metal-client-id': clientId, 'x-metal-api-key': apiKey };
}
