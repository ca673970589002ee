import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CORPUS, expectOutcome, requiredRule, RULES, type Outcome } from './corpus';
import { serveList } from './metalList';
import { interceptMetal } from './metalNock';
import { runMetalNode } from './runMetalNode';

/**
 * The corpus in each parameter of a Get Many on a Metal list (`GET /v1/deals`, `/v1/companies`):
 * a clear error naming the parameter and the item (nothing sent), or the list read as the rule
 * says: a filter kept only the records whose field equals the value (ignoring case and surrounding
 * spaces), left out the filter when blank; Sort Direction sent as Metal's `direction`.
 */
export function describeListCorpus(
	resource: string,
	path: string,
	records: IDataObject[],
	parameters: Array<[label: string, name: string, rule: (value: unknown) => Outcome]>,
) {
	describe.each(parameters)(`${resource} → Get Many: %s`, (label, name, rule) => {
		it.each(CORPUS)('%s', async (_, expression, value) => {
			const requests = serveList(path, records);
			const set = `={{ ${expression} }}`;
			const run = await runMetalNode({
				parameters: {
					resource,
					operation: 'getAll',
					returnAll: true,
					...(name === 'sortDirection'
						? { options: { sortDirection: set } }
						: { filters: { [name]: set } }),
				},
			});

			const outcome = rule(value);
			if ('error' in outcome) {
				expectOutcome(outcome, run, requests, { label, field: () => undefined });
				return;
			}
			expect(run.error).toBeUndefined();
			if (name === 'sortDirection') {
				const direction = 'sent' in outcome ? outcome.sent : 'desc';
				const asked =
					direction === 'asc' ? `${path}?limit=1000&page=1&direction=asc` : `${path}?limit=1000`;
				expect(requests.map((r) => r.path)).toEqual([asked]);
				return;
			}
			const key = (text: unknown) => String(text).trim().toLowerCase();
			const kept =
				'sent' in outcome
					? records.filter((record) => key(record[name]) === key(outcome.sent))
					: records;
			expect(run.output?.map((item) => item.json)).toEqual(kept);
		});
	});
}

/**
 * The corpus as the ID of the record to update (By ID, by expression), such as Deal → Update's Deal:
 * a clear error naming the parameter and the item (nothing sent), or a PUT to the trimmed ID.
 */
export function describeIdCorpus(
	resource: string,
	path: string,
	[label, name]: [label: string, name: string],
	updateFields: INodeParameters,
) {
	describe(`${label} (By ID, by expression)`, () => {
		it.each(CORPUS)('%s', async (_, expression, value) => {
			const requests = interceptMetal({
				method: 'put',
				path: new RegExp(`^${path}/`),
				reply: (body) => [200, { data: body }],
			});

			const run = await runMetalNode({
				parameters: {
					resource,
					operation: 'update',
					[name]: { __rl: true, mode: 'id', value: `={{ ${expression} }}` },
					updateFields,
				},
			});

			// The ID goes into the path: what was sent is read from there.
			const sentId = () => requests[0].path.slice(path.length + 1);
			expectOutcome(requiredRule(RULES.metalId)(value), run, requests, { label, field: sentId });
		});
	});
}
