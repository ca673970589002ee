import { interceptMetal } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';

const SCORE_ID = '6663ee000000000000000001';
const elements = [
	{
		elementId: 'e1',
		elementName: 'Market size',
		score: 8,
		reasoning: 'Large TAM',
		confidence: 0.9,
	},
	{
		elementId: 'e2',
		elementName: 'Team',
		score: 6,
		reasoning: 'First-time founders',
		confidence: 0.7,
	},
];
const score = {
	id: SCORE_ID,
	frameworkId: 'f1',
	frameworkName: 'Growth equity screen',
	company: '665f1c2a9b1e4a0012a3b4c5',
	screeningId: 's1',
	finalScore: 7.2,
	elementScores: elements,
	metadata: { model: 'v2' },
	createdAt: '2026-11-29T10:00:00Z',
	updatedAt: '2026-11-29T10:05:00Z',
};

function get(parameters: Record<string, unknown>, options: Omit<RunOptions, 'parameters'> = {}) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'score',
			operation: 'get',
			scoreId: { __rl: true, mode: 'id', value: SCORE_ID },
			...parameters,
		} as RunOptions['parameters'],
	});
}

const serving = (answer: object, id = SCORE_ID) =>
	interceptMetal({ method: 'get', path: `/v1/scores/${id}`, reply: () => [200, { data: answer }] });

describe('Score → Get', () => {
	it('GET /v1/scores/{id}: the score with its element scores, paired with its item', async () => {
		const requests = serving(score);

		const { output, error } = await get({});

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/v1/scores/${SCORE_ID}`, ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: score, pairedItem: { item: 0 } }]);
	});

	it("Split Element Scores: one item per element, each with the score's ID, framework and company", async () => {
		serving(score);

		const { output } = await get({ splitElementScores: true });

		const beside = {
			scoreId: SCORE_ID,
			frameworkId: 'f1',
			frameworkName: 'Growth equity screen',
			company: '665f1c2a9b1e4a0012a3b4c5',
		};
		expect(output).toEqual([
			{ json: { ...beside, ...elements[0] }, pairedItem: { item: 0 } },
			{ json: { ...beside, ...elements[1] }, pairedItem: { item: 0 } },
		]);
		expect(Object.keys(output?.[0].json ?? {})).toEqual([
			'scoreId',
			'frameworkId',
			'frameworkName',
			'company',
			'elementId',
			'elementName',
			'score',
			'reasoning',
			'confidence',
		]);
	});

	it('split over several items: each element item is paired with the item that asked', async () => {
		const other = '6663ee000000000000000002';
		serving(score);
		serving({ id: other, frameworkId: 'f2', elementScores: [elements[1]] }, other);

		const { output } = await get(
			{
				scoreId: { __rl: true, mode: 'id', value: '={{ $json.score }}' },
				splitElementScores: true,
			},
			{ items: [{ score: SCORE_ID }, { score: other }] },
		);

		expect(
			output?.map((item) => [item.json.scoreId, item.json.elementId, item.pairedItem]),
		).toEqual([
			[SCORE_ID, 'e1', { item: 0 }],
			[SCORE_ID, 'e2', { item: 0 }],
			[other, 'e2', { item: 1 }],
		]);
		// What Metal did not send is not made up.
		expect(output?.[2].json).not.toHaveProperty('frameworkName');
	});

	it('split: a score without element scores still gives one item, naming the score', async () => {
		serving({ ...score, elementScores: [] });

		const { output, error } = await get({ splitElementScores: true });

		expect(error).toBeUndefined();
		expect(output).toEqual([
			{
				json: {
					scoreId: score.id,
					frameworkId: score.frameworkId,
					frameworkName: score.frameworkName,
					company: score.company,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it.each([
		['missing', undefined],
		['not a list', { e1: 8 }],
		['a list with a number in it', [elements[0], 7]],
	])('split: element scores %s are an error, not a guess', async (_, elementScores) => {
		serving({ ...score, elementScores });

		const { error } = await get({ splitElementScores: true });

		expect(error?.message).toBe('Metal answered without a list of element scores');
		expect(error?.description?.split('\n')[0]).toBe(
			'Turn off Split Element Scores to output the score as Metal sent it.',
		);
	});

	it('404: names the ID', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/scores/${SCORE_ID}`,
			reply: () => [404, { error: 'Score not found' }],
		});

		const { error } = await get({});

		expect(error?.message).toBe(`Metal has no score with the ID "${SCORE_ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"Check the ID: it may be mistyped, or belong to a score of another organization than the API key's. Copy the score's ID from Metal.",
		);
	});
});
