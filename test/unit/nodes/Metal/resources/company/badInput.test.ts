import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { COMPANY_TYPES } from '../../../../../../nodes/Metal/resources/company/getAll';
import { CORPUS, expectOutcome, RULES } from '../../../../../helpers/corpus';
import { describeIdCorpus, describeListCorpus } from '../../../../../helpers/recordsCorpus';
import { newestFirst } from '../../../../../helpers/metalList';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode } from '../../../../../helpers/runMetalNode';

const ID = '665f1c2a9b1e4a0012a3b4c5';

/** Company → Update of the company ID with these Update Fields; the PUT is recorded. */
async function updateWith(updateFields: INodeParameters, items?: IDataObject[]) {
	const requests = interceptMetal({
		method: 'put',
		path: /^\/v1\/companies\//,
		reply: (body) => [200, { data: { id: ID, ...(body as object) } }],
	});
	const run = await runMetalNode({
		items,
		parameters: {
			resource: 'company',
			operation: 'update',
			companyId: { __rl: true, mode: 'id', value: ID },
			updateFields,
		},
	});
	return { requests, run };
}

// Every value of the corpus, in each text field of Company → Update: a clear error naming the
// parameter and the item, or a PUT whose field is that text. Website is set beside the field under
// test (Canonical Name beside Website), so that a value left out still leaves something to update.
describe.each([
	['Canonical Name', 'canonicalName'],
	['Description', 'description'],
	['External ID', 'externalId'],
	['Industry', 'industry'],
	['Sector', 'sector'],
	['Short Description', 'shortDescription'],
	['Website', 'website'],
])('Company → Update: %s', (label, field) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const other =
			field === 'website' ? { canonicalName: 'Acme' } : { website: 'https://acme.example' };

		const { requests, run } = await updateWith({ ...other, [field]: `={{ ${expression} }}` });

		expectOutcome(RULES.text(value), run, requests, { label, field: (body) => body[field] });
	});
});

describeIdCorpus('company', '/v1/companies', ['Company', 'companyId'], {
	website: 'https://acme.example',
});

type Expected = { sent: unknown } | { omitted: true } | { error: string };

const notTexts = (what: string) =>
	`The "Alternative Names" parameter in item 0 is ${what}, not a list of texts`;

// Alternative Names (a list of texts): each entry a text, sent as given and never split (names hold
// commas); blank entries dropped; an empty list not sent; anything but texts refused.
const ALTERNATIVE_NAMES: Array<[label: string, parameter: unknown, expected: Expected]> = [
	['one entry', ['Acme'], { sent: ['Acme'] }],
	['two entries', ['Acme', 'ACME Corp'], { sent: ['Acme', 'ACME Corp'] }],
	['a name with a comma is one name', ['Acme, Inc.'], { sent: ['Acme, Inc.'] }],
	['the same name twice, as given', ['Acme', 'Acme'], { sent: ['Acme', 'Acme'] }],
	['spaces kept', ['  Acme  '], { sent: ['  Acme  '] }],
	['emoji and right-to-left text', ['Acme 🚀', 'أكمي'], { sent: ['Acme 🚀', 'أكمي'] }],
	['100,000 characters', ['x'.repeat(100000)], { sent: ['x'.repeat(100000)] }],
	['markup, as text', ['<b>Acme</b>'], { sent: ['<b>Acme</b>'] }],
	['no entry', [], { omitted: true }],
	['one empty entry', [''], { omitted: true }],
	['only blank entries', [' ', '\u200b', '\t'], { omitted: true }],
	['blank entries among names', ['', 'Acme', ' '], { sent: ['Acme'] }],
	['an entry by expression', ['={{ $json.alias }}'], { sent: ['ACME'] }],
	['entries by expression and typed', ['Acme', '={{ $json.alias }}'], { sent: ['Acme', 'ACME'] }],
	['an expression giving nothing', ['={{ $json.missing }}'], { omitted: true }],
	['an expression giving null', ['={{ null }}'], { omitted: true }],
	['an expression giving the text "null"', ['={{ "null" }}'], { sent: ['null'] }],
	['an expression-looking text', ['{{ $json.alias }} Co'], { sent: ['{{ $json.alias }} Co'] }],
	['the whole list by expression', '={{ $json.aliases }}', { sent: ['Acme', 'Acme, Inc.'] }],
	['the whole list, with blanks', '={{ ["", "Acme", null] }}', { sent: ['Acme'] }],
	['the whole list, empty', '={{ [] }}', { omitted: true }],
	['one text by expression', '={{ "Acme, Inc." }}', { sent: ['Acme, Inc.'] }],
	['a blank text by expression', '={{ " " }}', { omitted: true }],
	['nothing by expression', '={{ $json.missing }}', { omitted: true }],
	['an entry giving a number', ['={{ 7 }}'], { error: notTexts('a list holding the number 7') }],
	['an entry giving zero', ['={{ 0 }}'], { error: notTexts('a list holding the number 0') }],
	[
		'an entry giving a boolean',
		['={{ true }}'],
		{ error: notTexts('a list holding the boolean true') },
	],
	[
		'an entry giving an object',
		['={{ { name: "Acme" } }}'],
		{ error: notTexts('a list holding an object') },
	],
	['an entry giving a list', ['={{ ["Acme"] }}'], { error: notTexts('a list holding a list') }],
	['a number by expression', '={{ 42 }}', { error: notTexts('the number 42') }],
	['NaN by expression', '={{ NaN }}', { error: notTexts('the number NaN') }],
	['a boolean by expression', '={{ false }}', { error: notTexts('the boolean false') }],
	['an object by expression', '={{ { name: "Acme" } }}', { error: notTexts('an object') }],
	[
		'a list holding a number',
		'={{ ["Acme", 42] }}',
		{ error: notTexts('a list holding the number 42') },
	],
	['a list of lists', '={{ [["Acme"]] }}', { error: notTexts('a list holding a list') }],
	['a date by expression', '={{ new Date(0) }}', { error: notTexts('an object') }],
];

describe('Company → Update: Alternative Names', () => {
	it.each(ALTERNATIVE_NAMES)('%s', async (_, parameter, expected) => {
		const { requests, run } = await updateWith(
			{ website: 'https://acme.example', alternativeNames: parameter as string[] },
			[{ alias: 'ACME', aliases: ['Acme', 'Acme, Inc.'] }],
		);

		expectPut(expected, run, requests, 'Alternative Names', (body) => body.alternativeNames);
	});
});

const notAValue = (what: string) =>
	`The "Custom Fields → Value" parameter in item 0 is ${what}, not text, a number or a boolean`;

// Custom Fields (name/value pairs → `custom`): a value sent with its type (text, a finite number, a
// boolean), a pair with a blank value not sent, a name trimmed and required when a value is given,
// a name given twice refused.
const CUSTOM_FIELDS: Array<[label: string, pairs: Array<[unknown, unknown]>, expected: Expected]> =
	[
		['a text', [['fund', 'Fund III']], { sent: { fund: 'Fund III' } }],
		['a number', [['fund', '={{ 42 }}']], { sent: { fund: 42 } }],
		['zero', [['fund', '={{ 0 }}']], { sent: { fund: 0 } }],
		['a negative decimal', [['fund', '={{ -3.14 }}']], { sent: { fund: -3.14 } }],
		['true', [['fund', '={{ true }}']], { sent: { fund: true } }],
		['false', [['fund', '={{ false }}']], { sent: { fund: false } }],
		['the text "true", as text', [['fund', 'true']], { sent: { fund: 'true' } }],
		['the text "42", as text', [['fund', '42']], { sent: { fund: '42' } }],
		['spaces kept in a value', [['fund', '  III  ']], { sent: { fund: '  III  ' } }],
		['emoji', [['fund', 'Fund 🚀']], { sent: { fund: 'Fund 🚀' } }],
		['100,000 characters', [['fund', 'x'.repeat(100000)]], { sent: { fund: 'x'.repeat(100000) } }],
		['a value from the item', [['fund', '={{ $json.fund }}']], { sent: { fund: 'Fund IV' } }],
		['a name from the item', [['={{ $json.key }}', 'III']], { sent: { vintage: 'III' } }],
		['a name trimmed', [['  fund  ', 'III']], { sent: { fund: 'III' } }],
		['a name with spaces inside', [['Fund Name', 'III']], { sent: { 'Fund Name': 'III' } }],
		...['__proto__', 'constructor', ' prototype '].map(
			(name): [string, Array<[unknown, unknown]>, Expected] => [
				`a name "${name}" is refused`,
				[[name, 'x']],
				{
					error: `The "Custom Fields → Name" parameter in item 0 is the text "${name.trim()}", not a name that can be sent`,
				},
			],
		),
		[
			'two pairs',
			[
				['fund', 'III'],
				['vintage', '={{ 2024 }}'],
			],
			{ sent: { fund: 'III', vintage: 2024 } },
		],
		['an empty value: the pair is not sent', [['fund', '']], { omitted: true }],
		['a blank value', [['fund', ' \u200b ']], { omitted: true }],
		['a value that is nothing', [['fund', '={{ $json.missing }}']], { omitted: true }],
		['a value that is null', [['fund', '={{ null }}']], { omitted: true }],
		[
			'one pair blank, one set',
			[
				['fund', ''],
				['vintage', 'x'],
			],
			{ sent: { vintage: 'x' } },
		],
		['no pair', [], { omitted: true }],
		['NaN', [['fund', '={{ NaN }}']], { error: notAValue('the number NaN') }],
		['Infinity', [['fund', '={{ Infinity }}']], { error: notAValue('the number Infinity') }],
		['an object', [['fund', '={{ { a: 1 } }}']], { error: notAValue('an object') }],
		['a list', [['fund', '={{ ["III"] }}']], { error: notAValue('a list') }],
		['a date', [['fund', '={{ new Date(0) }}']], { error: notAValue('an object') }],
		[
			'a value without a name',
			[['', 'III']],
			{ error: 'The "Custom Fields → Name" parameter is empty in item 0' },
		],
		[
			'a blank name',
			[[' ', 'III']],
			{ error: 'The "Custom Fields → Name" parameter is empty in item 0' },
		],
		[
			'an empty pair',
			[['', '']],
			{ error: 'The "Custom Fields → Name" parameter is empty in item 0' },
		],
		[
			'a name that is a number',
			[['={{ 42 }}', 'III']],
			{ error: 'The "Custom Fields → Name" parameter in item 0 is the number 42, not text' },
		],
		[
			'a name given twice',
			[
				['fund', 'III'],
				[' fund', 'IV'],
			],
			{ error: 'The "Custom Fields" parameter in item 0 has the name "fund" twice' },
		],
	];

describe('Company → Update: Custom Fields', () => {
	it.each(CUSTOM_FIELDS)('%s', async (_, pairs, expected) => {
		const values = pairs.map(([name, value]) => ({ name, value })) as INodeParameters[];

		const { requests, run } = await updateWith(
			{ website: 'https://acme.example', customFields: { values } },
			[{ fund: 'Fund IV', key: 'vintage' }],
		);

		expectPut(expected, run, requests, 'Custom Fields', (body) => body.custom);
	});
});

/** Checks a table's expectation: the exact error (nothing sent), or the field as sent, or left out. */
function expectPut(
	expected: Expected,
	run: Awaited<ReturnType<typeof updateWith>>['run'],
	requests: Awaited<ReturnType<typeof updateWith>>['requests'],
	label: string,
	field: (body: Record<string, unknown>) => unknown,
) {
	if ('error' in expected) {
		expect(run.error?.message).toBe(expected.error);
		expect(run.error?.description?.startsWith(label)).toBe(true);
		expect(requests).toHaveLength(0);
	} else {
		expectOutcome(expected, run, requests, { label, field });
	}
}

// Companies whose fields hold corpus values too, so that a value sent as a filter can match.
const companies = newestFirst(14, (n) => ({
	canonicalName: `Company ${n}`,
	companyType: COMPANY_TYPES[n % COMPANY_TYPES.length].value,
	sector: ['Atlas', 'true', '42', 'Healthcare'][n % 4],
}));

describeListCorpus('company', '/v1/companies', companies, [
	['Company Type', 'companyType', RULES.choice(COMPANY_TYPES)],
	['Sector', 'sector', RULES.text],
]);
