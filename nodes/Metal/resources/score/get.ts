import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { bool } from '../../fields/kit';
import { optional } from '../../fields/parameters';
import { idLocator } from '../../fields/locator';
import type { ItemRequests } from '../../transport/requests';
import { isObject } from '../../transport/exchange';

const scoreId = idLocator({
	displayName: 'Score',
	name: 'scoreId',
	noun: 'score',
	description: 'The score to get, by its ID from Metal',
});

const splitElementScores = optional(
	bool({
		displayName: 'Split Element Scores',
		name: 'splitElementScores',
		description:
			"Whether to output one item per element score instead of the score with its element scores inside, as for a sheet. Each item has the score's ID, framework and company beside the element's fields.",
	}),
);

export const get = defineOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a score',
		description:
			"Get one score of a company against a scoring framework: the final score and each element's score with its reasoning and confidence",
	},
	effect: { kind: 'read', noun: 'score' },
	fields: [scoreId, splitElementScores],
	prepare: (read) => ({ id: read(scoreId), split: read(splitElementScores) }),
	send: async ({ id, split }, metal) => {
		const score = await metal.one({
			method: 'GET',
			path: `/v1/scores/${id}`,
		});
		return split ? elementItems(score, metal) : score;
	},
});

/** One item per element score, each with what says which score it belongs to. */
function elementItems(score: IDataObject, metal: ItemRequests): IDataObject[] {
	const elements: unknown = score.elementScores;
	if (!Array.isArray(elements) || !elements.every(isObject)) {
		throw metal.error(
			'Metal answered without a list of element scores',
			'Turn off Split Element Scores to output the score as Metal sent it.',
		);
	}
	const { id: scoreId, frameworkId, frameworkName, company } = score;
	const context = Object.fromEntries(
		Object.entries({ scoreId, frameworkId, frameworkName, company }).filter(
			([, v]) => v !== undefined,
		),
	);
	// No element scores: one item still says which score it was, so no input item goes without one.
	if (elements.length === 0) return [context];
	return elements.map((element) => ({ ...context, ...element }));
}
