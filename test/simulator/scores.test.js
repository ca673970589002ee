'use strict';

const { OBJECT_ID, ISO_UTC, UNKNOWN_ID, startTestSimulator, call } = require('./helpers');

describe('GET /v1/scores/{id}', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('a seed without fields answers the documented score shape, element scores included', async () => {
		const score = simulator.seed('scores', {});
		const response = await call(simulator, 'GET', `/v1/scores/${score.id}`);
		expect(response.status).toBe(200);
		const element = {
			elementId: expect.stringMatching(OBJECT_ID),
			elementName: expect.any(String),
			score: expect.any(Number),
			reasoning: expect.any(String),
			confidence: expect.any(Number),
		};
		expect(response.body).toEqual({
			data: {
				id: score.id,
				frameworkId: expect.stringMatching(OBJECT_ID),
				frameworkName: 'Simulated framework',
				company: expect.stringMatching(OBJECT_ID),
				screeningId: expect.stringMatching(OBJECT_ID),
				finalScore: 3.5,
				elementScores: [element, element],
				metadata: {},
				createdAt: expect.stringMatching(ISO_UTC),
				updatedAt: expect.stringMatching(ISO_UTC),
			},
		});
		expect(Object.keys(response.body.data)).toEqual([
			'id',
			'frameworkId',
			'frameworkName',
			'company',
			'screeningId',
			'finalScore',
			'elementScores',
			'metadata',
			'createdAt',
			'updatedAt',
		]);
		expect(Object.keys(response.body.data.elementScores[0])).toEqual(Object.keys(element));
	});

	test('a seed sets its own fields over the example', async () => {
		const elementScores = [
			{
				elementId: UNKNOWN_ID,
				elementName: 'Moat',
				score: 5,
				reasoning: 'Patents',
				confidence: 0.7,
			},
		];
		const score = simulator.seed('scores', {
			finalScore: 5,
			elementScores,
			frameworkName: 'Buyout',
		});
		const { data } = (await call(simulator, 'GET', `/v1/scores/${score.id}`)).body;
		expect(data).toMatchObject({ finalScore: 5, elementScores, frameworkName: 'Buyout' });
	});

	test.each([UNKNOWN_ID, 'score-1'])('answers 404 Score not found for %s', async (id) => {
		simulator.seed('scores', {});
		const response = await call(simulator, 'GET', `/v1/scores/${id}`);
		expect([response.status, response.body]).toEqual([404, { error: 'Score not found' }]);
	});
});
