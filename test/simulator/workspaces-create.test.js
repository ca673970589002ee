'use strict';

const { ISO_UTC, OBJECT_ID, startTestSimulator, call, createWorkspace } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };

describe('POST /v1/workspaces', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('creates a workspace from a name only: 201 with the exact Workspace shape', async () => {
		const before = Date.now();
		const response = await createWorkspace(simulator, { name: 'Project Atlas workspace' });
		const after = Date.now();

		expect(response.status).toBe(201);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		const workspace = response.body.data;
		expect(response.body).toEqual({
			data: {
				id: expect.stringMatching(OBJECT_ID),
				name: 'Project Atlas workspace',
				source: 'api',
				isPrivate: false,
				isPersonal: false,
				createdAt: expect.stringMatching(ISO_UTC),
				updatedAt: workspace.createdAt,
			},
		});
		// No company key at all when none was given.
		expect(Object.keys(workspace)).toEqual([
			'id',
			'name',
			'source',
			'isPrivate',
			'isPersonal',
			'createdAt',
			'updatedAt',
		]);
		const created = Date.parse(workspace.createdAt);
		expect(created).toBeGreaterThanOrEqual(before);
		expect(created).toBeLessThanOrEqual(after);
		expect(simulator.workspaces()).toEqual([workspace]);
	});

	test('keeps company and isPrivate when given', async () => {
		const response = await createWorkspace(simulator, {
			name: 'Deal room',
			company: 'Acme Holdings',
			isPrivate: true,
		});
		expect(response.status).toBe(201);
		expect(response.body).toEqual({
			data: {
				id: expect.stringMatching(OBJECT_ID),
				name: 'Deal room',
				source: 'api',
				company: 'Acme Holdings',
				isPrivate: true,
				isPersonal: false,
				createdAt: expect.stringMatching(ISO_UTC),
				updatedAt: response.body.data.createdAt,
			},
		});
	});

	test('accepts isPrivate false and a content type with a charset', async () => {
		const response = await call(simulator, 'POST', '/v1/workspaces', {
			body: { name: 'Open room', isPrivate: false },
			contentType: 'application/json; charset=utf-8',
		});
		expect(response.status).toBe(201);
		expect(response.body.data.isPrivate).toBe(false);
	});

	test('gives every workspace a distinct id, even with the same name', async () => {
		const ids = [];
		for (let i = 0; i < 30; i += 1) {
			ids.push((await createWorkspace(simulator, { name: 'Same name' })).body.data.id);
		}
		expect(new Set(ids).size).toBe(30);
		expect(simulator.workspaces()).toHaveLength(30);
	});

	const invalidBodies = [
		['invalid JSON', { rawBody: '{"name": "Atlas"' }],
		['an empty body', { rawBody: '' }],
		['a JSON array', { body: [{ name: 'Atlas' }] }],
		['JSON null', { body: null }],
		['a JSON string', { body: 'Atlas' }],
		['a JSON number', { body: 42 }],
		['a missing name', { body: { company: 'Acme' } }],
		['an empty name', { body: { name: '' } }],
		['a whitespace-only name', { body: { name: ' \t\n ' } }],
		['a numeric name', { body: { name: 7 } }],
		['a null name', { body: { name: null } }],
		['a numeric company', { body: { name: 'Atlas', company: 12 } }],
		['a null company', { body: { name: 'Atlas', company: null } }],
		['a string isPrivate', { body: { name: 'Atlas', isPrivate: 'true' } }],
		['a null isPrivate', { body: { name: 'Atlas', isPrivate: null } }],
		['an unknown field', { body: { name: 'Atlas', description: 'x' } }],
		['a read-only field', { body: { name: 'Atlas', isPersonal: false } }],
		['a text/plain content type', { body: { name: 'Atlas' }, contentType: 'text/plain' }],
		[
			'no content type',
			{ rawBody: new TextEncoder().encode('{"name":"Atlas"}'), contentType: null },
		],
		['a body over 1 MiB', { body: { name: 'x'.repeat(1024 * 1024 + 1) } }],
	];

	test.each(invalidBodies)('answers 400 for %s and stores nothing', async (_label, request) => {
		const response = await call(simulator, 'POST', '/v1/workspaces', request);
		expect(response.status).toBe(400);
		expect(response.body).toEqual(INVALID_BODY);
		expect(simulator.workspaces()).toEqual([]);
		expect(simulator.log.at(-1).outcome).toBe('invalid_body');
	});
});

describe('maxNameLength', () => {
	test('answers 400 to a longer name, and accepts one at the limit', async () => {
		const simulator = await startTestSimulator({ maxNameLength: 5 });
		try {
			const tooLong = await createWorkspace(simulator, { name: 'Atlas!' });
			expect([tooLong.status, tooLong.body]).toEqual([400, { error: 'Invalid request body' }]);
			expect((await createWorkspace(simulator, { name: 'Atlas' })).status).toBe(201);
		} finally {
			await simulator.close();
		}
	});
});
