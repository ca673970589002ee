import { interceptMetal, workspaceFor } from '../../../../../helpers/metalNock';
import { CORPUS, expectOutcome, requiredRule, RULES } from '../../../../../helpers/corpus';
import { runMetalNode } from '../../../../../helpers/runMetalNode';

// Every value of the corpus, in each parameter of Workspace → Create: a clear error naming the
// parameter and the item, or a request whose field has the documented type.
describe.each([
	['Name', 'name', requiredRule(RULES.text)],
	['Company', 'company', RULES.text],
	['Private', 'isPrivate', RULES.boolean],
])('Workspace → Create: %s', (label, field, rule) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const requests = interceptMetal({
			path: '/v1/workspaces',
			reply: (body, index) => [201, { data: workspaceFor(body, index) }],
		});
		const parameters =
			field === 'name'
				? { name: `={{ ${expression} }}` }
				: { name: 'Atlas', additionalFields: { [field]: `={{ ${expression} }}` } };

		const run = await runMetalNode({
			parameters: { resource: 'workspace', operation: 'create', ...parameters },
		});

		expectOutcome(rule(value), run, requests, { label, field: (body) => body[field] });
	});
});
