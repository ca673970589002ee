import nock from 'nock';

import { interceptMetal, workspaceFor } from '../../../helpers/metalNock';
import { BASE_URL, CREDENTIALS, runMetalNode } from '../../../helpers/runMetalNode';

/**
 * A corpus of awkward values, each fed to a parameter through an expression, as a sheet or an
 * upstream node would. Every value must give either a clear error that names the parameter and the
 * item (and send nothing), or a request whose field has the documented type. Never a crash.
 */
const corpus: Array<[label: string, expression: string, value: unknown]> = [
	['empty text', '""', ''],
	['a space', '" "', ' '],
	['tabs and newlines', '"\\t\\n\\r"', '\t\n\r'],
	['a no-break space', '"\\u00a0"', '\u00a0'],
	['null', 'null', null],
	['undefined', 'undefined', undefined],
	['a missing field', '$json.missing', undefined],
	['zero', '0', 0],
	['one', '1', 1],
	['a negative number', '-42', -42],
	['a decimal', '3.14', 3.14],
	['NaN', 'NaN', NaN],
	['Infinity', 'Infinity', Infinity],
	['true', 'true', true],
	['false', 'false', false],
	['an empty object', '({})', {}],
	['an object', '({ name: "Atlas" })', { name: 'Atlas' }],
	['an empty list', '[]', []],
	['a list', '["Atlas"]', ['Atlas']],
	['a date', 'new Date(0)', new Date(0)],
	['100,000 characters', '"x".repeat(100000)', 'x'.repeat(100000)],
	['a NUL character', '"a\\u0000b"', 'a\u0000b'],
	['a bell character', '"a\\u0007b"', 'a\u0007b'],
	['emoji', '"Deal 🚀 ✨"', 'Deal 🚀 ✨'],
	['right-to-left Arabic', '"صفقة أطلس"', 'صفقة أطلس'],
	['Hebrew with a RTL mark', '"עסקה\\u200f"', 'עסקה\u200f'],
	['the text "true"', '"true"', 'true'],
	['the text "yes"', '"yes"', 'yes'],
	['the text "1"', '"1"', '1'],
	['the text "null"', '"null"', 'null'],
	['markup', '"<script>alert(1)</script>"', '<script>alert(1)</script>'],
	['an expression-looking text', '"{" + "{ $json.name }" + "}"', '{{ $json.name }}'],
	['leading and trailing spaces', '"  Atlas  "', '  Atlas  '],
	['a quote and a backslash', '"O\'Brien \\\\ Co"', "O'Brien \\ Co"],
];

/** What each parameter accepts, as documented: the rule the node must enforce, nothing looser. */
const isText = (value: unknown) => typeof value === 'string';
const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

describe('bad input: every value gives a clear error or a correctly typed request', () => {
	describe.each([
		['Name', 'name'],
		['Company', 'company'],
		['Private', 'isPrivate'],
	])('%s', (label, field) => {
		it.each(corpus)('%s', async (_, expression, value) => {
			const requests = interceptMetal({
				path: '/v1/workspaces',
				reply: (body, index) => [201, { data: workspaceFor(body, index) }],
			});
			const parameters =
				field === 'name'
					? { name: `={{ ${expression} }}` }
					: { name: 'Atlas', additionalFields: { [field]: `={{ ${expression} }}` } };

			const { output, error } = await runMetalNode({
				parameters: { resource: 'workspace', operation: 'create', ...parameters },
			});

			const accepted =
				field === 'name'
					? isText(value) && !isBlank(value)
					: field === 'company'
						? isText(value) || isBlank(value)
						: typeof value === 'boolean' || value === undefined;
			if (!accepted) {
				expect(error?.message).toMatch(
					new RegExp(`^The "${label}" parameter (is empty )?in item 0`),
				);
				expect(error?.description).toMatch(new RegExp(`^${label} is`));
				expect(requests).toHaveLength(0);
				return;
			}
			expect(error).toBeUndefined();
			expect(output).toHaveLength(1);
			const body = requests[0].body as Record<string, unknown>;
			expect(typeof body.name).toBe('string');
			if (field === 'company') {
				if (isBlank(value)) expect(body).not.toHaveProperty('company');
				else expect(body.company).toBe(value);
			}
			if (field === 'isPrivate') expect(body.isPrivate).toBe(value);
			if (field === 'name') expect(body.name).toBe(value);
		});
	});

	describe('Base URL', () => {
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
			const { error } = await runMetalNode({
				parameters: { resource: 'workspace', operation: 'create', name: 'Atlas' },
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
				path: '/v1/workspaces',
				reply: (body, index) => [201, { data: workspaceFor(body, index) }],
			});

			const { error } = await runMetalNode({
				parameters: { resource: 'workspace', operation: 'create', name: 'Atlas' },
				credentials: { ...CREDENTIALS, baseUrl },
			});

			expect(error).toBeUndefined();
			expect(requests.map((r) => r.path)).toEqual(['/v1/workspaces']);
			expect(host).toBe(BASE_URL);
		});
	});
});
