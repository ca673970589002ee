import { CORPUS, expectOutcome, requiredRule, RULES } from '../../../../../helpers/corpus';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode, type RunOptions } from '../../../../../helpers/runMetalNode';

const TYPES = [
	{ name: 'Company', value: 'company' },
	{ name: 'Deal', value: 'deal' },
	{ name: 'List', value: 'list' },
];
const REFERENCE = { source: 'salesforce', id: 'a0B5g00000XyZ12' };

/** Where each parameter sits among Tag → Create's parameters. */
function parametersWith(field: string, value: string): Record<string, unknown> {
	const required = { type: 'deal', value: 'Hot' };
	if (field === 'type' || field === 'value') return { ...required, [field]: value };
	if (field === 'color') return { ...required, additionalFields: { color: value } };
	const values = { ...REFERENCE, [field]: value };
	return { ...required, additionalFields: { externalReference: { values } } };
}

// Every value of the corpus, in each parameter: a clear error naming the parameter and the item, or
// a request whose field has the documented type.
describe.each([
	['Type', 'type', requiredRule(RULES.choice(TYPES)), (body: Record<string, unknown>) => body.type],
	['Value', 'value', requiredRule(RULES.text), (body: Record<string, unknown>) => body.value],
	['Color', 'color', RULES.text, (body: Record<string, unknown>) => body.color],
	[
		'External Reference → Source',
		'source',
		requiredRule(RULES.text),
		(body: Record<string, unknown>) => (body.externalReference as typeof REFERENCE).source,
	],
	[
		'External Reference → ID',
		'id',
		requiredRule(RULES.text),
		(body: Record<string, unknown>) => (body.externalReference as typeof REFERENCE).id,
	],
])('Tag → Create: %s', (label, field, rule, sentAs) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const requests = interceptMetal({
			path: '/v1/tags',
			reply: (body) => [201, { data: { id: '6662dd000000000000000001', ...(body as object) } }],
		});

		const run = await runMetalNode({
			parameters: {
				resource: 'tag',
				operation: 'create',
				...parametersWith(field, `={{ ${expression} }}`),
			} as RunOptions['parameters'],
		});

		expectOutcome(rule(value), run, requests, { label, field: sentAs });
	});
});
