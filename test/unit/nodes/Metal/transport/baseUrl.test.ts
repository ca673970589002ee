import nock from 'nock';

import { interceptMetal } from '../../../../helpers/metalNock';
import { runProbe } from '../../../../helpers/probe';
import { BASE_URL, CREDENTIALS } from '../../../../helpers/runMetalNode';

// The credential's Base URL, as anyone may type it: refused before anything is sent unless it is a
// plain http(s) address, then tidied.
describe('the Base URL of the credential', () => {
	it.each([
		'',
		' ',
		'api.metal.ai',
		'//api.metal.ai',
		'http//api.metal.ai',
		'https://user:secret@api.metal.ai',
		'https://',
		'ftp://api.metal.ai',
		'file:///etc/passwd',
		'javascript:alert(1)',
		'data:text/plain,metal',
		'ws://api.metal.ai',
		'mailto:support@metal.ai',
		'localhost:5678',
		'127.0.0.1',
		'https://api.metal.ai:99999',
		'https://[::1',
		'https://exa mple.com',
		'null',
		'undefined',
		'true',
		'0',
		'🚀',
		'x'.repeat(10000),
		'\u0000',
		'\\\\server\\share',
		'C:\\Metal',
		'../v1',
		'/v1/workspaces',
		'https://api.metal.ai/?debug=1',
		'https://api.metal.ai/#v1',
	])('%p is refused before anything is sent', async (baseUrl) => {
		const { error } = await runProbe('create', {
			parameters: { name: 'Atlas' },
			credentials: { ...CREDENTIALS, baseUrl },
		});

		expect(error?.message).toBe('The Base URL in the Metal API credential is not an http(s) URL');
		expect(nock.pendingMocks()).toEqual([]);
	});

	it.each([
		['HTTPS://API.METAL.AI', 'https://api.metal.ai'],
		['  https://api.metal.ai  ', 'https://api.metal.ai'],
		['https://api.metal.ai///', 'https://api.metal.ai'],
		['https:/api.metal.ai', 'https://api.metal.ai'],
	])('%p is tidied and used', async (baseUrl, host) => {
		const requests = interceptMetal({
			baseUrl: host,
			path: '/v1/things',
			reply: () => [201, { data: { id: 'a' } }],
		});

		const { error } = await runProbe('create', {
			parameters: { name: 'Atlas' },
			credentials: { ...CREDENTIALS, baseUrl },
		});

		expect(error).toBeUndefined();
		expect(requests.map((r) => r.path)).toEqual(['/v1/things']);
		expect(host).toBe(BASE_URL);
	});
});
