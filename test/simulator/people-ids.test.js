'use strict';

const { UNKNOWN_ID, startTestSimulator, withSimulator, call } = require('./helpers');

const INVALID_IDS = { error: 'Invalid ids' };
const PERSON_NOT_FOUND = { error: 'Person not found' };

function getByIds(simulator, ids, options) {
	return call(simulator, 'GET', `/v1/people/ids=${ids}`, options);
}

describe('GET /v1/people/ids={ids}', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	function seedPeople() {
		return simulator.seed('people', [
			{ firstName: 'Ada', lastName: 'Lovelace' },
			{ firstName: 'Grace', lastName: 'Hopper' },
			{ firstName: 'Alan', lastName: 'Turing' },
		]);
	}

	test('answers 200 {data: Person[]} in the order asked, each person once', async () => {
		const [ada, grace, alan] = seedPeople();
		const response = await getByIds(
			simulator,
			[alan.id, ada.id.toUpperCase(), alan.id, grace.id].join(','),
		);
		expect([response.status, response.body]).toEqual([200, { data: [alan, ada, grace] }]);
		expect(simulator.log.at(-1)).toMatchObject({ status: 200, outcome: 'ok', createdId: null });
	});

	test('one id; %2C works as a comma', async () => {
		const [ada, grace] = seedPeople();
		expect((await getByIds(simulator, grace.id)).body).toEqual({ data: [grace] });
		const encoded = await getByIds(simulator, `${ada.id}%2C${grace.id}`);
		expect(encoded.body).toEqual({ data: [ada, grace] });
		const whole = await getByIds(simulator, encodeURIComponent(`${grace.id},${ada.id}`));
		expect(whole.body).toEqual({ data: [grace, ada] });
	});

	test('unknown ids are left out by default (peopleIdsMissing omit)', async () => {
		const [ada] = seedPeople();
		const deal = simulator.seed('deals', { name: 'Falcon' });
		const response = await getByIds(simulator, [UNKNOWN_ID, ada.id, deal.id].join(','));
		expect([response.status, response.body]).toEqual([200, { data: [ada] }]);
		const none = await getByIds(simulator, UNKNOWN_ID);
		expect([none.status, none.body]).toEqual([200, { data: [] }]);
	});

	test.each([
		['no id', '', 'ids: must name at least one id'],
		['a malformed id', 'abc', 'ids[0]: must be a Metal id (24 hexadecimal characters)'],
		[
			'a trailing comma',
			`${UNKNOWN_ID},`,
			'ids[1]: must be a Metal id (24 hexadecimal characters)',
		],
		[
			'an empty entry',
			`${UNKNOWN_ID},,${UNKNOWN_ID}`,
			'ids[1]: must be a Metal id (24 hexadecimal characters)',
		],
		[
			'a space after the comma',
			`${UNKNOWN_ID},%20${UNKNOWN_ID}`,
			'ids[1]: must be a Metal id (24 hexadecimal characters)',
		],
		[
			'a 25-character id',
			`${UNKNOWN_ID}0`,
			'ids[0]: must be a Metal id (24 hexadecimal characters)',
		],
		[
			'a semicolon list',
			`${UNKNOWN_ID};${UNKNOWN_ID}`,
			'ids[0]: must be a Metal id (24 hexadecimal characters)',
		],
		['a malformed encoding', '%E0%A4%A', 'ids[0]: must be a Metal id (24 hexadecimal characters)'],
		[
			'101 ids (maxPeopleIds 100)',
			Array.from({ length: 101 }, () => UNKNOWN_ID).join(','),
			'ids: must name at most 100 ids (maxPeopleIds)',
		],
	])('answers 400 Invalid ids for %s', async (_label, ids, invalid) => {
		seedPeople();
		const response = await getByIds(simulator, ids);
		expect([response.status, response.body]).toEqual([400, INVALID_IDS]);
		expect(simulator.log.at(-1)).toMatchObject({ status: 400, outcome: 'invalid_path', invalid });
	});

	test('100 ids are accepted (duplicates counted as given)', async () => {
		const [ada] = seedPeople();
		const response = await getByIds(simulator, Array.from({ length: 100 }, () => ada.id).join(','));
		expect([response.status, response.body]).toEqual([200, { data: [ada] }]);
	});

	test('401 without credentials', async () => {
		const [ada] = seedPeople();
		const response = await getByIds(simulator, ada.id, { auth: false });
		expect([response.status, response.body]).toEqual([
			401,
			{ error: 'invalid api key or clientId' },
		]);
	});
});

describe('knobs of GET /v1/people/ids={ids}', () => {
	test('peopleIdsMissing notFound: one unknown id makes the whole answer a 404', () =>
		withSimulator({ peopleIdsMissing: 'notFound' }, async (simulator) => {
			const [ada, grace] = simulator.seed('people', [{ firstName: 'Ada' }, { firstName: 'Grace' }]);
			const found = await getByIds(simulator, `${grace.id},${ada.id}`);
			expect([found.status, found.body]).toEqual([200, { data: [grace, ada] }]);
			const missing = await getByIds(simulator, `${grace.id},${UNKNOWN_ID},${ada.id}`);
			expect([missing.status, missing.body]).toEqual([404, PERSON_NOT_FOUND]);
			expect(simulator.log.at(-1)).toMatchObject({ status: 404, outcome: 'not_found' });
			// Validation comes first: a malformed id is still a 400.
			const malformed = await getByIds(simulator, `${UNKNOWN_ID},x`);
			expect([malformed.status, malformed.body]).toEqual([400, INVALID_IDS]);
		}));

	test('maxPeopleIds sets the most ids a request may name', () =>
		withSimulator({ maxPeopleIds: 2 }, async (simulator) => {
			const [ada, grace, alan] = simulator.seed('people', [{}, {}, {}]);
			expect((await getByIds(simulator, `${ada.id},${grace.id}`)).status).toBe(200);
			const tooMany = await getByIds(simulator, `${ada.id},${grace.id},${alan.id}`);
			expect([tooMany.status, tooMany.body]).toEqual([400, INVALID_IDS]);
			expect(simulator.log.at(-1).invalid).toBe('ids: must name at most 2 ids (maxPeopleIds)');
		}));

	test('faultRoutes can name getPeopleByIds', () =>
		withSimulator({ failRate: 1, faultRoutes: ['getPeopleByIds'] }, async (simulator) => {
			const person = simulator.seed('people', { firstName: 'Ada' });
			const failed = await getByIds(simulator, person.id);
			expect([failed.status, failed.body]).toEqual([500, { error: 'Internal server error' }]);
			const search = await call(simulator, 'POST', '/v1/people/search', { body: { query: 'ada' } });
			expect(search.status).toBe(200);
		}));
});
