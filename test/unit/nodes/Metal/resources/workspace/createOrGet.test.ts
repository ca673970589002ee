import nock from 'nock';

import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { CORPUS, expectOutcome, requiredRule, RULES } from '../../../../../helpers/corpus';
import { created, interceptMetal, workspaceFor } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';

const SEARCH = '/v1/workspaces/search';

/** A workspace Metal already has. */
const existing = (n: number, name: string) => ({
	...workspaceFor({ name }, 0),
	id: `665f1c2a9b1e4a0012a3c${String(n).padStart(3, '0')}`,
});

/** Metal's search: serves `all` in pages of the size asked, with the search envelope. */
function searchServing(all: Array<Record<string, unknown>>, times = 100) {
	return interceptMetal({
		path: SEARCH,
		times,
		reply: (body) => {
			const { page, limit } = body as { page: number; limit: number };
			const data = all.slice((page - 1) * limit, page * limit);
			const metadata = {
				page,
				limit,
				totalCount: all.length,
				totalPages: Math.ceil(all.length / limit),
			};
			return [200, { data, metadata }];
		},
	});
}

function run(options: Omit<RunOptions, 'parameters'> & { parameters: Record<string, unknown> }) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'workspace',
			operation: 'createOrGet',
			...options.parameters,
		} as RunOptions['parameters'],
	});
}

describe('Workspace → Create or Get: found', () => {
	it('a workspace of that name: returned with created false, and nothing is created', async () => {
		const atlas = existing(1, 'Project Atlas');
		const searches = searchServing([existing(2, 'Project Atlas II'), atlas, existing(3, 'Atlas')]);
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output, error } = await run({
			parameters: { name: 'Project Atlas', additionalFields: { company: 'Acme', isPrivate: true } },
		});

		expect(error).toBeUndefined();
		expect(searches.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', SEARCH, { query: 'Project Atlas', page: 1, limit: 50 }],
		]);
		expect(searches[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(searches[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(creates).toHaveLength(0);
		// Returned as it is: Company and Private apply only to a workspace created.
		expect(output).toEqual([{ json: { ...atlas, created: false }, pairedItem: { item: 0 } }]);
	});

	it('whatever the case and the spaces around the name, on whichever page of results', async () => {
		const others = Array.from({ length: 120 }, (_, n) => existing(100 + n, `Atlas ${n}`));
		const atlas = existing(1, 'Project Atlas');
		const searches = searchServing([...others, atlas]);
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output } = await run({ parameters: { name: '  project ATLAS ' } });

		expect(searches.map((r) => r.body)).toEqual(
			[1, 2, 3].map((page) => ({ query: 'project ATLAS', page, limit: 50 })),
		);
		expect(creates).toHaveLength(0);
		expect(output).toEqual([{ json: { ...atlas, created: false }, pairedItem: { item: 0 } }]);
	});

	it('a search that serves pages shorter than asked for: the match on a later page is found, nothing created', async () => {
		const others = Array.from({ length: 30 }, (_, n) => existing(100 + n, `Atlas ${n}`));
		const atlas = existing(1, 'Atlas');
		const all = [...others, atlas];
		// Pages of 20 whatever the limit asked for, as Metal may cap them; totalPages says so.
		const searches = interceptMetal({
			path: SEARCH,
			times: 10,
			reply: (body) => {
				const { page } = body as { page: number };
				const metadata = { page, limit: 20, totalCount: all.length, totalPages: 2 };
				return [200, { data: all.slice((page - 1) * 20, page * 20), metadata }];
			},
		});
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output } = await run({ parameters: { name: 'Atlas' } });

		expect(searches.map((r) => r.body)).toEqual(
			[1, 2].map((page) => ({ query: 'Atlas', page, limit: 50 })),
		);
		expect(creates).toHaveLength(0);
		expect(output).toEqual([{ json: { ...atlas, created: false }, pairedItem: { item: 0 } }]);
	});

	it('several of that name (made before): the first created, whatever the ranking', async () => {
		searchServing([
			existing(7, 'Project Atlas'),
			existing(3, 'PROJECT ATLAS'),
			existing(9, 'project atlas'),
		]);

		const { output } = await run({ parameters: { name: 'Project Atlas' } });

		expect(output?.map((item) => [item.json.id, item.json.created])).toEqual([
			[existing(3, '').id, false],
		]);
	});
});

describe('Workspace → Create or Get: not found', () => {
	it('no workspace of that name: creates it with the fields set, created true', async () => {
		const searches = searchServing([existing(1, 'Project Atlas II'), existing(2, 'Atlas')]);
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output, error } = await run({
			parameters: { name: 'Project Atlas', additionalFields: { company: 'Acme', isPrivate: true } },
		});

		expect(error).toBeUndefined();
		expect(searches).toHaveLength(1);
		expect(creates.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/v1/workspaces', { name: 'Project Atlas', company: 'Acme', isPrivate: true }],
		]);
		expect(creates[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		const body = { name: 'Project Atlas', company: 'Acme', isPrivate: true };
		expect(output).toEqual([
			{ json: { ...workspaceFor(body, 0), created: true }, pairedItem: { item: 0 } },
		]);
	});

	it('no result at all: creates it', async () => {
		searchServing([]);
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output } = await run({ parameters: { name: 'Project Borealis' } });

		expect(creates.map((r) => r.body)).toEqual([{ name: 'Project Borealis' }]);
		expect(output?.[0].json.created).toBe(true);
	});

	it('items of one run with the same name: one search, one workspace created, shared by them', async () => {
		const searches = interceptMetal({
			path: SEARCH,
			times: 10,
			reply: () => [
				200,
				{ data: [], metadata: { page: 1, limit: 50, totalCount: 0, totalPages: 0 } },
			],
		});
		const creates = interceptMetal({ path: '/v1/workspaces', times: 10, reply: created });

		const { output } = await run({
			items: [{ deal: 'Atlas' }, { deal: ' atlas' }, { deal: 'Borealis' }, { deal: 'ATLAS ' }],
			parameters: { name: '={{ $json.deal }}' },
		});

		expect(searches.map((r) => (r.body as { query: string }).query).sort()).toEqual([
			'Atlas',
			'Borealis',
		]);
		expect(
			creates
				.map((r) => r.body as { name: string })
				.map((b) => b.name)
				.sort(),
		).toEqual(['Atlas', 'Borealis']);
		const atlasId = output?.[0].json.id;
		const borealisId = output?.[2].json.id;
		expect(atlasId).not.toBe(borealisId);
		expect(output?.map((item) => [item.json.id, item.json.created, item.pairedItem])).toEqual([
			[atlasId, true, { item: 0 }],
			[atlasId, true, { item: 1 }],
			[borealisId, true, { item: 2 }],
			[atlasId, true, { item: 3 }],
		]);
	});
});

/** Metal's search as a plain substring match that does not equate Unicode forms. */
function searchByText(all: Array<Record<string, unknown>>) {
	return interceptMetal({
		path: SEARCH,
		times: 10,
		reply: (body) => {
			const { query } = body as { query: string };
			const data = all.filter((w) => String(w.name).toLowerCase().includes(query.toLowerCase()));
			return [
				200,
				{ data, metadata: { page: 1, limit: 50, totalCount: data.length, totalPages: 1 } },
			];
		},
	});
}

// "Café" with é as one character (NFC), and as e plus a combining accent (NFD).
const CAFE_NFC = 'Caf\u00e9';
const CAFE_NFD = 'Cafe\u0301';

describe('Workspace → Create or Get: one name, whatever its Unicode form', () => {
	it('a workspace stored with the accent decomposed is found for the name typed composed', async () => {
		const stored = existing(1, `${CAFE_NFD} Holdings`);
		const searches = searchByText([stored]);
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { output, error } = await run({ parameters: { name: `${CAFE_NFC} holdings` } });

		expect(error).toBeUndefined();
		// As given (composed), then decomposed: Metal does not document whether its search equates them.
		expect(searches.map((r) => (r.body as { query: string }).query)).toEqual([
			`${CAFE_NFC} holdings`,
			`${CAFE_NFD} holdings`,
		]);
		expect(creates).toHaveLength(0);
		expect(output).toEqual([{ json: { ...stored, created: false }, pairedItem: { item: 0 } }]);
	});

	it('two items of one run with the name in either form: one search each form, one workspace', async () => {
		const searches = searchByText([]);
		const creates = interceptMetal({ path: '/v1/workspaces', times: 2, reply: created });

		const { output } = await run({
			items: [{ name: CAFE_NFC }, { name: CAFE_NFD }],
			parameters: { name: '={{ $json.name }}' },
		});

		expect(searches).toHaveLength(2);
		expect(creates.map((r) => r.body)).toEqual([{ name: CAFE_NFC }]);
		const workspace = { ...workspaceFor({ name: CAFE_NFC }, 0), created: true };
		expect(output).toEqual([
			{ json: workspace, pairedItem: { item: 0 } },
			{ json: workspace, pairedItem: { item: 1 } },
		]);
	});

	it('a plain ASCII name is searched once', async () => {
		const searches = searchByText([]);
		interceptMetal({ path: '/v1/workspaces', reply: created });

		await run({ parameters: { name: 'Atlas' } });

		expect(searches).toHaveLength(1);
	});

	it('compatibility forms stay different names: full-width letters are not the same name', async () => {
		searchByText([existing(1, 'ＡＴＬＡＳ')]);
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		await run({ parameters: { name: 'ＡＴＬＡＳ ' } });
		expect(creates).toHaveLength(0);
		nock.cleanAll();

		searchByText([existing(1, 'ＡＴＬＡＳ')]);
		const again = interceptMetal({ path: '/v1/workspaces', reply: created });
		await run({ parameters: { name: 'ATLAS' } });
		expect(again).toHaveLength(1);
	});
});

describe('Workspace → Create or Get: failures', () => {
	it('a create that fails ambiguously is sent once, and the items of that name share the failure', async () => {
		searchServing([]);
		const creates = interceptMetal({
			path: '/v1/workspaces',
			times: 5,
			reply: () => [500, { error: 'Internal server error' }],
		});

		const { output, errorOutput } = await run({
			items: [{ deal: 'Atlas' }, { deal: 'atlas' }],
			parameters: { name: '={{ $json.deal }}' },
			onError: 'continueErrorOutput',
		});

		expect(creates).toHaveLength(1);
		expect(output).toEqual([]);
		const details =
			'The workspace may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.';
		expect(errorOutput?.map((item) => [item.json.message, item.pairedItem])).toEqual([
			[expect.stringContaining(details), { item: 0 }],
			[expect.stringContaining(details), { item: 1 }],
		]);
	});

	it('a search that fails says no workspace was created, and creates nothing', async () => {
		interceptMetal({ path: SEARCH, reply: () => [401, { error: 'invalid api key or clientId' }] });
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });

		const { error } = await run({ parameters: { name: 'Atlas' } });

		expect(creates).toHaveLength(0);
		expect(error?.message).toBe(
			'Metal did not accept the credentials: invalid api key or clientId',
		);
		expect(error?.description?.split('\n')[0]).toBe(
			'No workspace was created. Check the Client ID and API Key in the Metal API credential. Keys are managed in the Metal app under Settings → Organization → API & MCP Access; a revoked key stops working within minutes.',
		);
	});

	it('a stop accounts for the items created or found', async () => {
		const atlas = existing(1, 'Atlas');
		interceptMetal({
			path: SEARCH,
			times: 2,
			reply: (body) => {
				const { query } = body as { query: string };
				return [200, { data: query === 'Atlas' ? [atlas] : [], metadata: { totalPages: 1 } }];
			},
		});
		interceptMetal({
			path: '/v1/workspaces',
			reply: () => [422, { error: 'workspace limit reached' }],
		});

		const { error } = await run({
			items: [{ deal: 'Atlas' }, { deal: 'Borealis' }],
			parameters: { name: '={{ $json.deal }}', options: { maxConcurrency: 1 } },
		});

		expect(error?.message).toBe('Metal could not process the request: workspace limit reached');
		expect(error?.description).toContain(`Created or found: 0 (id ${atlas.id}).`);
		expect(error?.description).toContain('Failed, nothing created: 1.');
	});

	it('an empty name is refused before anything is sent', async () => {
		const searches = searchServing([]);

		const { error } = await run({ parameters: { name: ' ' } });

		expect(error?.message).toBe('The "Name" parameter is empty in item 0');
		expect(searches).toHaveLength(0);
	});
});

describe('Workspace → Create or Get: what it says', () => {
	const properties = new Metal().description.properties;
	const operations = properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('workspace'),
	);

	it('is offered after Create, which stays the default of Workspace', () => {
		expect(operations?.default).toBe('create');
		expect((operations?.options as Array<{ value: string }>).map((o) => o.value)).toEqual([
			'create',
			'createOrGet',
			'get',
			'search',
		]);
	});

	it('says what it cannot prevent', () => {
		const option = (operations?.options as Array<{ value: string; description: string }>).find(
			(o) => o.value === 'createOrGet',
		);
		expect(option?.description).toContain('another run at the same moment');
		expect(option?.description).toContain('(how soon it does is not documented)');
	});
});

// Every value of the corpus in each parameter: a clear error naming the parameter and the item,
// or a search and a create whose field has the documented type.
describe.each([
	['Name', 'name', requiredRule(RULES.text)],
	['Company', 'company', RULES.text],
	['Private', 'isPrivate', RULES.boolean],
])('Workspace → Create or Get: %s', (label, field, rule) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const searches = searchServing([]);
		const creates = interceptMetal({ path: '/v1/workspaces', reply: created });
		const parameters =
			field === 'name'
				? { name: `={{ ${expression} }}` }
				: { name: 'Atlas', additionalFields: { [field]: `={{ ${expression} }}` } };

		const outcome = rule(value);
		const result = await run({ parameters });

		expectOutcome(outcome, result, creates, { label, field: (body) => body[field] });
		// The name as given, then in its other Unicode forms where it has any; nothing when refused.
		const name = field === 'name' && 'sent' in outcome ? (outcome.sent as string).trim() : 'Atlas';
		const forms = [...new Set([name, name.normalize('NFC'), name.normalize('NFD')])];
		expect(searches.map((r) => r.body)).toEqual(
			creates.length ? forms.map((query) => ({ query, page: 1, limit: 50 })) : [],
		);
	});
});

describe('Workspace → Create or Get: a name that matches without end', () => {
	it('stops at the paging bound, creates nothing, and says what to do', async () => {
		// Every page is full of new workspaces that contain the name but do not equal it.
		const requests = interceptMetal({
			path: SEARCH,
			times: 1_001,
			reply: (body) => {
				const { page, limit } = body as { page: number; limit: number };
				const data = Array.from({ length: limit }, (_, n) =>
					existing((page - 1) * limit + n, `Acme fund ${(page - 1) * limit + n}`),
				);
				return [200, { data, metadata: {} }];
			},
		});

		const { output, error } = await run({ parameters: { name: 'Acme' } });

		expect(requests).toHaveLength(1_000);
		expect(output).toBeUndefined();
		expect(error?.message).toBe(
			'Create or Get stopped after 1,000 pages of search results for "Acme"',
		);
		expect(error?.description?.split('\n')[0]).toBe(
			'The name matches so many workspaces that the node cannot be sure none has exactly this name, so it created nothing. Use a more distinctive name, or Workspace → Create.',
		);
	}, 120_000);
});
