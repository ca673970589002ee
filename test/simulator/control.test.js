'use strict';

const { ControlError } = require('../../tools/metal-simulator/control-routes');
const {
	ISO_UTC,
	OBJECT_ID,
	UNKNOWN_ID,
	startTestSimulator,
	call,
	control,
	idTime,
	wait,
} = require('./helpers');

describe('/_sim record control (simulator only)', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('POST seeds one record (an object) or several (an array), as given, with new ids', async () => {
		const one = await control(simulator, 'POST', '/deals', { name: 'Falcon', stage: 'SOURCED' });
		expect(one.status).toBe(201);
		expect(one.body).toEqual({
			data: { id: expect.stringMatching(OBJECT_ID), name: 'Falcon', stage: 'SOURCED' },
		});
		const many = await control(simulator, 'POST', '/deals', [{ name: 'Heron' }, { name: 'Ibis' }]);
		expect(many.status).toBe(201);
		expect(many.body.data.map((deal) => deal.name)).toEqual(['Heron', 'Ibis']);

		const listed = await control(simulator, 'GET', '/deals');
		expect(listed.body).toEqual({ data: [one.body.data, ...many.body.data] });
		const api = await call(simulator, 'GET', '/v1/deals');
		expect(api.body.data.map((deal) => deal.name)).toEqual(['Ibis', 'Heron', 'Falcon']);
	});

	test('resources with timestamps get createdAt/updatedAt; a seed may bring its own, and its id then carries that time', async () => {
		const company = (await control(simulator, 'POST', '/companies', { canonicalName: 'Acme' })).body
			.data;
		expect(company).toEqual({
			id: expect.stringMatching(OBJECT_ID),
			canonicalName: 'Acme',
			createdAt: expect.stringMatching(ISO_UTC),
			updatedAt: company.createdAt,
		});
		const old = simulator.seed('people', {
			firstName: 'Ada',
			createdAt: '2020-05-01T12:00:00.000Z',
		});
		expect(old).toEqual({
			id: expect.stringMatching(OBJECT_ID),
			firstName: 'Ada',
			createdAt: '2020-05-01T12:00:00.000Z',
			updatedAt: '2020-05-01T12:00:00.000Z',
		});
		expect(idTime(old.id)).toBe(Date.parse('2020-05-01T12:00:00Z'));
	});

	test('a given id is kept (in lower case); a bad or taken id refuses the whole batch', async () => {
		const kept = simulator.seed('deals', { id: UNKNOWN_ID.toUpperCase(), name: 'Kept' });
		expect(kept.id).toBe(UNKNOWN_ID);
		for (const [body, error] of [
			[[{ name: 'New' }, { id: UNKNOWN_ID }], `record 1: deals already holds id ${UNKNOWN_ID}`],
			[[{ id: 'abc' }], 'record 0: id must be 24 hexadecimal characters'],
			[
				[{ id: '6650a0000000000000000009' }, { id: '6650A0000000000000000009' }],
				'record 1: deals already holds id 6650a0000000000000000009',
			],
			[['Falcon'], 'record 0 is not an object'],
		]) {
			const response = await control(simulator, 'POST', '/deals', body);
			expect([response.status, response.body]).toEqual([
				400,
				{ error: `metal-simulator: ${error}` },
			]);
		}
		expect(simulator.records('deals')).toEqual([kept]);
	});

	test('GET, PATCH and DELETE one record; a deal changed or deleted shows in the next API list', async () => {
		const [falcon, heron] = simulator.seed('deals', [
			{ name: 'Falcon', stage: 'SOURCED', status: 'ACTIVE' },
			{ name: 'Heron', stage: 'SCREENED', status: 'ACTIVE' },
		]);
		expect((await control(simulator, 'GET', `/deals/${falcon.id}`)).body).toEqual({ data: falcon });

		const patched = await control(simulator, 'PATCH', `/deals/${falcon.id.toUpperCase()}`, {
			stage: 'IC_MEETING',
			status: 'CLOSED',
		});
		expect([patched.status, patched.body]).toEqual([
			200,
			{ data: { ...falcon, stage: 'IC_MEETING', status: 'CLOSED' } },
		]);
		const removed = await control(simulator, 'DELETE', `/deals/${heron.id}`);
		expect([removed.status, removed.body]).toEqual([204, null]);

		const api = await call(simulator, 'GET', '/v1/deals');
		expect(api.body.data).toEqual([patched.body.data]);

		for (const [method, body] of [
			['GET', undefined],
			['PATCH', { stage: 'DEAD' }],
			['DELETE', undefined],
		]) {
			const missing = await control(simulator, method, `/deals/${heron.id}`, body);
			expect(missing.status).toBe(404);
		}
	});

	test('PATCH refreshes updatedAt where the resource has one, unless it is given', async () => {
		const company = simulator.seed('companies', { canonicalName: 'Acme' });
		await wait(5);
		const changed = simulator.change('companies', company.id, { sector: 'Software' });
		expect(changed).toEqual({
			...company,
			sector: 'Software',
			updatedAt: expect.stringMatching(ISO_UTC),
		});
		expect(Date.parse(changed.updatedAt)).toBeGreaterThan(Date.parse(company.updatedAt));
		const dated = simulator.change('companies', company.id, {
			updatedAt: '2030-01-01T00:00:00.000Z',
		});
		expect(dated.updatedAt).toBe('2030-01-01T00:00:00.000Z');
	});

	test.each([
		['an id change', { id: UNKNOWN_ID }, 'the id of a record cannot change'],
		['a list', [{ stage: 'DEAD' }], 'changes must be an object'],
	])('PATCH refuses %s', async (_label, body, error) => {
		const deal = simulator.seed('deals', { name: 'Falcon' });
		const response = await control(simulator, 'PATCH', `/deals/${deal.id}`, body);
		expect([response.status, response.body]).toEqual([400, { error: `metal-simulator: ${error}` }]);
	});

	test('a body that is not JSON is a 400', async () => {
		const response = await call(simulator, 'POST', '/_sim/deals', { rawBody: '{', auth: false });
		expect([response.status, response.body]).toEqual([
			400,
			{ error: 'metal-simulator: the body must be JSON' },
		]);
	});

	test('workflows are checked (outcome, duration, output); runs cannot be seeded', async () => {
		for (const [body, reason] of [
			[{ runOutcome: 'done' }, 'runOutcome: must be one of completed, failed, cancelled'],
			[{ runDurationMs: -1 }, 'runDurationMs: must be at least 0'],
			[{ runOutput: 'text' }, 'runOutput: must be an object'],
			[{ outcome: 'failed' }, 'unknown field "outcome"'],
		]) {
			const response = await control(simulator, 'POST', '/workflows', body);
			expect([response.status, response.body]).toEqual([
				400,
				{ error: `metal-simulator: invalid workflows record: ${reason}` },
			]);
		}
		const runs = await control(simulator, 'POST', '/workflow-runs', {});
		expect(runs.status).toBe(400);
		expect(runs.body.error).toMatch(/workflow-runs cannot be seeded/);
	});

	test.each([
		['GET', '/nothing'],
		['GET', '/deals/a/b'],
		['PUT', '/deals'],
		['PUT', `/deals/${UNKNOWN_ID}`],
		['GET', '/deals/%E0%A4%A'],
	])('%s /_sim%s answers 404', async (method, path) => {
		const response = await control(simulator, method, path);
		expect([response.status, response.body]).toEqual([404, { error: 'Not found' }]);
	});

	test('GET /_sim/object-id makes an id of a given time (ISO or milliseconds)', async () => {
		const iso = await control(simulator, 'GET', '/object-id?at=2025-06-01T10:20:30Z');
		expect(iso.status).toBe(200);
		expect(idTime(iso.body.data.id)).toBe(Date.parse('2025-06-01T10:20:30Z'));
		const ms = await control(simulator, 'GET', '/object-id?at=1700000000000');
		expect(idTime(ms.body.data.id)).toBe(1700000000000);
		const now = await control(simulator, 'GET', '/object-id');
		expect(Math.abs(idTime(now.body.data.id) - Date.now())).toBeLessThan(5000);
		const bad = await control(simulator, 'GET', '/object-id?at=soon');
		expect(bad.status).toBe(400);
	});

	test('POST /_sim/reset forgets the records of every resource', async () => {
		for (const resource of simulator.resources.filter((name) => name !== 'workflow-runs')) {
			simulator.seed(resource, {});
		}
		await control(simulator, 'POST', '/reset');
		for (const resource of simulator.resources) {
			expect([resource, (await control(simulator, 'GET', `/${resource}`)).body]).toEqual([
				resource,
				{ data: [] },
			]);
		}
	});
});

describe('the handle', () => {
	test('seed, change, remove, records and record; copies only; errors are ControlErrors', async () => {
		const simulator = await startTestSimulator();
		try {
			expect(simulator.resources).toEqual([
				'workspaces',
				'activities',
				'deals',
				'companies',
				'people',
				'workflows',
				'workflow-runs',
				'enrichments',
				'tags',
				'scores',
				'documents',
			]);
			const owners = [{ id: UNKNOWN_ID, type: 'user' }];
			const deal = simulator.seed('deals', { name: 'Falcon', owners });
			owners[0].type = 'changed by the caller after seeding';
			deal.owners[0].type = 'changed';
			simulator.records('deals')[0].name = 'changed';
			expect(simulator.record('deals', deal.id)).toEqual({
				id: deal.id,
				name: 'Falcon',
				owners: [{ id: UNKNOWN_ID, type: 'user' }],
			});
			expect(simulator.change('deals', deal.id, { stage: 'DEAD' }).stage).toBe('DEAD');
			expect(simulator.remove('deals', deal.id)).toBe(true);
			expect(simulator.remove('deals', deal.id)).toBe(false);
			expect(simulator.record('deals', deal.id)).toBeUndefined();

			expect(() => simulator.seed('things', {})).toThrow(ControlError);
			expect(() => simulator.records('things')).toThrow('unknown resource "things"');
			expect(() => simulator.change('deals', UNKNOWN_ID, {})).toThrow(
				`no deals record ${UNKNOWN_ID}`,
			);
			expect(() => simulator.seed('workflows', { runOutcome: 'done' })).toThrow(ControlError);
		} finally {
			await simulator.close();
		}
	});

	test('objectId(at) makes ids of that time that sort after older ones', async () => {
		const simulator = await startTestSimulator();
		try {
			const ids = [
				simulator.objectId(new Date('2024-01-01T00:00:00Z')),
				simulator.objectId('2024-01-01T00:00:00Z'),
				simulator.objectId(Date.parse('2024-01-02T00:00:00Z')),
				simulator.objectId(),
			];
			expect(ids.map(idTime).slice(0, 3)).toEqual([
				Date.parse('2024-01-01T00:00:00Z'),
				Date.parse('2024-01-01T00:00:00Z'),
				Date.parse('2024-01-02T00:00:00Z'),
			]);
			expect([...ids].sort()).toEqual(ids);
			expect(() => simulator.objectId('someday')).toThrow('not a time');
		} finally {
			await simulator.close();
		}
	});
});
