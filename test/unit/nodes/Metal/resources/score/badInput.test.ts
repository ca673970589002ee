import { CORPUS, expectOutcome, requiredRule, RULES } from '../../../../../helpers/corpus';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode, type RunOptions } from '../../../../../helpers/runMetalNode';

const SCORE_ID = '6663ee000000000000000001';
const element = { elementId: 'e1', score: 8 };

function getScore(parameters: Record<string, unknown>) {
	const requests = interceptMetal({
		method: 'get',
		path: /^\/v1\/scores\//,
		reply: () => [200, { data: { id: SCORE_ID, elementScores: [element] } }],
	});
	const run = runMetalNode({
		parameters: {
			resource: 'score',
			operation: 'get',
			scoreId: { __rl: true, mode: 'id', value: SCORE_ID },
			...parameters,
		} as RunOptions['parameters'],
	});
	return { run, requests };
}

describe('Score → Get: Score', () => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const { run, requests } = getScore({
			scoreId: { __rl: true, mode: 'id', value: `={{ ${expression} }}` },
		});

		expectOutcome(requiredRule(RULES.metalId)(value), await run, requests, {
			label: 'Score',
			field: () => requests[0]?.path.split('/')[3],
		});
	});
});

describe('Score → Get: Split Element Scores', () => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const { run, requests } = getScore({ splitElementScores: `={{ ${expression} }}` });
		const { output, error } = await run;

		const outcome = RULES.boolean(value);
		if ('error' in outcome) {
			expect(error?.message.startsWith('The "Split Element Scores" parameter in item 0 is ')).toBe(
				true,
			);
			expect(requests).toHaveLength(0);
			return;
		}
		// Blank is the default: the score as it is.
		const split = 'sent' in outcome && outcome.sent === true;
		expect(output?.map((item) => item.json)).toEqual([
			split ? { scoreId: SCORE_ID, ...element } : { id: SCORE_ID, elementScores: [element] },
		]);
	});
});
