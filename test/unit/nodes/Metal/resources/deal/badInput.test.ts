import type { INodeParameters } from 'n8n-workflow';

import { STAGES, STATUSES } from '../../../../../../nodes/Metal/resources/deal/fields';
import { CORPUS, expectOutcome, RULES } from '../../../../../helpers/corpus';
import { describeIdCorpus, describeListCorpus } from '../../../../../helpers/recordsCorpus';
import { idOf, newestFirst } from '../../../../../helpers/metalList';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode } from '../../../../../helpers/runMetalNode';

const ID = '665f1c2a9b1e4a0012a3b4c5';
const SORT = [
	{ name: 'Newest First', value: 'desc' },
	{ name: 'Oldest First', value: 'asc' },
];

// Every value of the corpus, in each field of Deal → Update: a clear error naming the parameter and
// the item, or a PUT whose field has the documented type. Name is set beside the field under test,
// so that a value left out still leaves something to update.
describe.each([
	['Company ID', 'companyId', RULES.metalId],
	['Name', 'name', RULES.text],
	['Notes', 'notes', RULES.text],
	['Sector', 'sector', RULES.text],
	['Size', 'size', RULES.number()],
	['Stage', 'stage', RULES.choice(STAGES)],
	['Status', 'status', RULES.choice(STATUSES)],
])('Deal → Update: %s', (label, field, rule) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/deals/${ID}`,
			reply: (body) => [200, { data: { id: ID, ...(body as object) } }],
		});
		const other: INodeParameters = field === 'name' ? { notes: 'Kept' } : { name: 'Atlas' };

		const run = await runMetalNode({
			parameters: {
				resource: 'deal',
				operation: 'update',
				dealId: { __rl: true, mode: 'id', value: ID },
				updateFields: { ...other, [field]: `={{ ${expression} }}` },
			},
		});

		expectOutcome(rule(value), run, requests, { label, field: (body) => body[field] });
	});
});

describeIdCorpus('deal', '/v1/deals', ['Deal', 'dealId'], { name: 'Atlas' });

// Deals whose fields hold corpus values too, so that a value sent as a filter can match.
const deals = newestFirst(12, (n) => ({
	name: `Deal ${n}`,
	companyId: n % 2 ? ID : idOf(7),
	stage: STAGES[n % STAGES.length].value,
	status: STATUSES[n % STATUSES.length].value,
}));

describeListCorpus('deal', '/v1/deals', deals, [
	['Company ID', 'companyId', RULES.metalId],
	['Stage', 'stage', RULES.choice(STAGES)],
	['Status', 'status', RULES.choice(STATUSES)],
	['Sort Direction', 'sortDirection', RULES.choice(SORT)],
]);
