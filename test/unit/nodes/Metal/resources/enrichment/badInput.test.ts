import {
	CORPUS,
	expectOutcome,
	requiredRule,
	RULES,
	type Outcome,
} from '../../../../../helpers/corpus';
import { JSON_CORPUS, JSON_ITEM } from '../../../../../helpers/jsonCorpus';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode, type RunOptions } from '../../../../../helpers/runMetalNode';

const REQUIRED = {
	resourceType: 'company',
	resourceId: '665f1c2a9b1e4a0012a3b4c5',
	property: 'description',
	value: 'Maker of reusable rockets',
	source: 'crm',
	sourceId: 'deal-memo-42',
};
const ADDITIONAL = ['provider', 'confidence', 'rationale'];

/** Enrichment → Create with one parameter given by `expression`. */
async function createWith(field: string, expression: string) {
	const requests = interceptMetal({
		path: '/v1/enrichments',
		reply: (body) => [201, { data: { id: '6661cc000000000000000001', ...(body as object) } }],
	});
	const value = `={{ ${expression} }}`;
	const run = await runMetalNode({
		items: [JSON_ITEM],
		parameters: {
			resource: 'enrichment',
			operation: 'create',
			...REQUIRED,
			...(ADDITIONAL.includes(field)
				? { additionalFields: { [field]: value } }
				: { [field]: value }),
		} as RunOptions['parameters'],
	});
	return { run, requests };
}

// Every value of the corpus, in each parameter: a clear error naming the parameter and the item, or
// a request whose field has the documented type.
describe.each([
	['Resource Type', 'resourceType', requiredRule(RULES.text)],
	['Resource ID', 'resourceId', requiredRule(RULES.metalId)],
	['Property', 'property', requiredRule(RULES.text)],
	['Source', 'source', requiredRule(RULES.text)],
	['Source ID', 'sourceId', requiredRule(RULES.text)],
	['Provider', 'provider', RULES.text],
	['Confidence', 'confidence', RULES.number()],
	['Rationale', 'rationale', RULES.text],
])('Enrichment → Create: %s', (label, field, rule) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const { run, requests } = await createWith(field, expression);

		expectOutcome(rule(value), run, requests, { label, field: (body) => body[field] });
	});
});

describe('Enrichment → Create: Value, any JSON value', () => {
	it.each(JSON_CORPUS)('%s', async (_, expression, __, outcome) => {
		const { run, requests } = await createWith('value', expression);

		expectOutcome(outcome, run, requests, { label: 'Value', field: (body) => body.value });
	});
});

// The request schema states 0 to 1; enrichments Metal records itself show 57 or 100. The number is
// sent as given, on any scale; only what is not a number is refused.
const CONFIDENCE: Array<[label: string, expression: string, outcome: Outcome]> = [
	['the lower end, 0', '0', { sent: 0 }],
	['the upper end, 1', '1', { sent: 1 }],
	['within the range', '0.85', { sent: 0.85 }],
	['a tiny value', '1e-9', { sent: 1e-9 }],
	['within the range, as text', '"0.85"', { sent: 0.85 }],
	['a leading dot, as text', '".5"', { sent: 0.5 }],
	['an exponent, as text', '"1e-3"', { sent: 0.001 }],
	['the upper end with spaces, as text', '" 1 "', { sent: 1 }],
	['just above 1', '1.0000001', { sent: 1.0000001 }],
	['57, as stored enrichments show', '57', { sent: 57 }],
	['100, as stored enrichments show', '100', { sent: 100 }],
	['57, as text', '"57"', { sent: 57 }],
	['more digits than a number keeps, as text', '"0.12345678901234567891"', { error: 'invalid' }],
	['a hexadecimal text (not decimal notation)', '"0x10"', { error: 'invalid' }],
	['a number beyond what a number holds, as text', '"1e400"', { error: 'invalid' }],
	['just below 0', '-0.01', { sent: -0.01 }],
	['a percent sign', '"57%"', { error: 'invalid' }],
	['a decimal comma', '"0,85"', { error: 'invalid' }],
	['a word', '"high"', { error: 'invalid' }],
	['NaN', 'NaN', { error: 'invalid' }],
	['Infinity', 'Infinity', { error: 'invalid' }],
	['the text "Infinity"', '"Infinity"', { error: 'invalid' }],
	['true', 'true', { error: 'invalid' }],
	['a list of one', '[0.5]', { error: 'invalid' }],
	['an object', '({ value: 0.5 })', { error: 'invalid' }],
	['empty text: not sent', '""', { omitted: true }],
	['null: not sent', 'null', { omitted: true }],
];

describe('Enrichment → Create: Confidence and its range', () => {
	it.each(CONFIDENCE)('%s', async (_, expression, outcome) => {
		const { run, requests } = await createWith('confidence', expression);

		expectOutcome(outcome, run, requests, {
			label: 'Confidence',
			field: (body) => body.confidence,
		});
	});
});

describe('Enrichment → Create: a number is sent as given, or refused in words', () => {
	it('an ID of 19 digits mapped as text is refused, saying how to send it, and nothing is sent', async () => {
		const { run, requests } = await createWith('value', '"1456789012345678901"');

		expect(run.error?.message).toBe(
			'The "Value" parameter in item 0 is the text "1456789012345678901", a number which would reach Metal as 1456789012345678800',
		);
		expect(run.error?.description).toBe(
			'Value is sent to Metal as JSON, and a JSON number keeps 15 to 17 significant digits, so the node does not send this one. To send it as text, as an ID usually is, put it in quotes: "1456789012345678901". To send a number, round it to fewer digits.',
		);
		expect(requests).toHaveLength(0);
	});

	it('the same ID in quotes reaches Metal exactly, as text', async () => {
		const { requests } = await createWith('value', '\'"1456789012345678901"\'');

		expect((requests[0].body as { value: unknown }).value).toBe('1456789012345678901');
	});

	it('Confidence given as a text of more digits than a number keeps is refused', async () => {
		const { run, requests } = await createWith('confidence', '"0.12345678901234567891"');

		expect(run.error?.message).toBe(
			'The "Confidence" parameter in item 0 is the text "0.12345678901234567891", a number which would reach Metal as 0.12345678901234568',
		);
		expect(run.error?.description).toBe(
			'Confidence is sent to Metal as a number, which keeps 15 to 17 significant digits, so the node does not send this one. Round it to fewer digits.',
		);
		expect(requests).toHaveLength(0);
	});
});

describe('Enrichment → Create: numbers beyond what a number holds', () => {
	it('Value: JSON text holding 1e400 says it would reach Metal as null', async () => {
		const { run, requests } = await createWith('value', '\'{"a":1e400}\'');

		expect(run.error?.message).toBe(
			'The "Value" parameter in item 0 is the text "{"a":1e400}", holding the number 1e400, which would reach Metal as null',
		);
		expect(requests).toHaveLength(0);
	});

	it('Confidence: 1e400 as text is refused as not a number', async () => {
		const { run } = await createWith('confidence', '"1e400"');

		expect(run.error?.message).toBe(
			'The "Confidence" parameter in item 0 is the text "1e400", not a number',
		);
	});
});
