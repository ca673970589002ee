/** The words for a Base URL the node refuses: the same in a run and in the credential's Test. */
export const BAD_BASE_URL = {
	message: 'The Base URL in the Metal API credential is not an http(s) URL',
	description:
		'Open the Metal API credential and set Base URL to https://api.metal.ai, or to the address of your proxy or local simulator, starting with https:// or http://, without a user name, password, query or fragment.',
};

/**
 * The credential's Base URL, normalised (scheme and host lower-case, no trailing slash), or
 * undefined when requests must not go there: not http(s), or carrying a user name, password, query or
 * fragment (each would travel with every request, or change what the paths mean).
 */
export function parseBaseUrl(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return undefined;
	}
	const usable =
		['http:', 'https:'].includes(url.protocol) &&
		!url.username &&
		!url.password &&
		// An empty query or fragment ("…/?", "…/#") parses to "", so look at the text too.
		!/[?#]/.test(text);
	return usable ? `${url.origin}${url.pathname.replace(/\/+$/, '')}` : undefined;
}
