import { CORPUS, expectOutcome, requiredRule, RULES } from '../../../../../helpers/corpus';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode, type RunOptions } from '../../../../../helpers/runMetalNode';
import {
	expectTableOutcome,
	expectUpdateOutcome,
	omitted,
	refused,
	sent,
	type TableRow,
} from '../../../../../helpers/valueTables';

const ID = '665f1c2a9b1e4a0012a3b4c5';
const ID_B = '665f1c2a9b1e4a0012a3b4c6';

// Every value, in each parameter of Activity → Create, Get and Update: a clear error naming the
// parameter and the item (nothing sent), or a request whose field has the documented type.

type Operation = 'create' | 'get' | 'update';

const PATHS: Record<Operation, { method: 'post' | 'get' | 'put'; path: string | RegExp }> = {
	create: { method: 'post', path: '/v1/activities' },
	get: { method: 'get', path: /^\/v1\/activities\/.*/ },
	update: { method: 'put', path: /^\/v1\/activities\/.*/ },
};

/** Runs one operation with `parameters`, answering whatever it sends with an activity. */
async function runActivity(operation: Operation, parameters: Record<string, unknown>) {
	const requests = interceptMetal({
		...PATHS[operation],
		reply: (body) => [200, { data: { id: ID, ...(body as object) } }],
	});
	const defaults: Record<Operation, Record<string, unknown>> = {
		create: { subject: 'Call' },
		get: { activityId: { __rl: true, mode: 'id', value: ID } },
		update: { activityId: { __rl: true, mode: 'id', value: ID } },
	};
	const run = await runMetalNode({
		parameters: {
			resource: 'activity',
			operation,
			...defaults[operation],
			...parameters,
		} as RunOptions['parameters'],
	});
	return { run, requests };
}

describe.each([
	['create', 'Subject', undefined, 'subject', requiredRule(RULES.text)],
	['create', 'Type', 'additionalFields', 'type', RULES.text],
	['create', 'Private', 'additionalFields', 'isPrivate', RULES.boolean],
	['update', 'Subject', 'updateFields', 'subject', RULES.text],
	['update', 'Type', 'updateFields', 'type', RULES.text],
	['update', 'Private', 'updateFields', 'isPrivate', RULES.boolean],
] as const)('Activity → %s: %s', (operation, label, collection, field, rule) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const set = { [field]: `={{ ${expression} }}` };
		const { run, requests } = await runActivity(
			operation,
			collection ? { [collection]: set } : set,
		);

		const check = operation === 'update' ? expectUpdateOutcome : expectOutcome;
		check(rule(value), run, requests, { label, field: (body) => body[field] });
	});
});

describe.each(['get', 'update'] as const)('Activity → %s: Activity (the ID)', (operation) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const { run, requests } = await runActivity(operation, {
			activityId: { __rl: true, mode: 'id', value: `={{ ${expression} }}` },
			updateFields: { subject: 'Call' },
		});

		const outcome = requiredRule(RULES.metalId)(value);
		if ('error' in outcome) {
			expectOutcome(outcome, run, requests, { label: 'Activity', field: () => undefined });
		} else {
			expect(run.error).toBeUndefined();
			expect(requests.map((r) => r.path)).toEqual([
				`/v1/activities/${(outcome as { sent: string }).sent}`,
			]);
		}
	});
});

// The workflow's time zone in these runs is n8n's default, America/New_York (UTC-5 in November,
// UTC-4 in June): a text without a zone is taken there.
const DATE_TIMES: TableRow[] = [
	['empty text', '""', omitted],
	['a space', '" "', omitted],
	['null', 'null', omitted],
	['a missing field', '$json.missing', omitted],
	['ISO 8601 in UTC', '"2026-11-29T10:00:00Z"', sent('2026-11-29T10:00:00.000Z')],
	['ISO 8601 in lower case', '"2026-11-29t10:00:00z"', sent('2026-11-29T10:00:00.000Z')],
	['an offset', '"2026-11-29T10:00:00+01:00"', sent('2026-11-29T09:00:00.000Z')],
	['an offset without a colon', '"2026-11-29T10:00:00+0530"', sent('2026-11-29T04:30:00.000Z')],
	['an offset in hours', '"2026-11-29T10:00:00-08"', sent('2026-11-29T18:00:00.000Z')],
	['milliseconds', '"2026-11-29T10:00:00.123Z"', sent('2026-11-29T10:00:00.123Z')],
	[
		'seven decimals, no zone (Outlook)',
		'"2026-11-29T10:00:00.0000000"',
		sent('2026-11-29T15:00:00.000Z'),
	],
	["no zone: the workflow's", '"2026-11-29T10:00"', sent('2026-11-29T15:00:00.000Z')],
	['no zone in summer time', '"2026-06-01T10:00"', sent('2026-06-01T14:00:00.000Z')],
	['a date only: midnight, workflow time', '"2026-11-29"', sent('2026-11-29T05:00:00.000Z')],
	["a sheet's date and time", '"2026-11-29 10:00:00"', sent('2026-11-29T15:00:00.000Z')],
	["a sheet's, with a zone", '"2026-11-29 10:00:00 +02:00"', sent('2026-11-29T08:00:00.000Z')],
	['a space before Z', '"2026-11-29T10:00:00 Z"', sent('2026-11-29T10:00:00.000Z')],
	['spaces around', '"  2026-11-29T10:00:00Z  "', sent('2026-11-29T10:00:00.000Z')],
	['a leap day', '"2028-02-29T12:00:00Z"', sent('2028-02-29T12:00:00.000Z')],
	['an HTTP date', '"Sun, 29 Nov 2026 10:00:00 GMT"', sent('2026-11-29T10:00:00.000Z')],
	['an e-mail date', '"29 Nov 2026 10:00 +0100"', sent('2026-11-29T09:00:00.000Z')],
	['an e-mail date in EST', '"Sun, 29 Nov 2026 10:00:00 EST"', sent('2026-11-29T15:00:00.000Z')],
	['a JS Date', 'new Date("2026-11-29T10:00:00Z")', sent('2026-11-29T10:00:00.000Z')],
	[
		'a Luxon DateTime in another zone',
		'DateTime.fromISO("2026-11-29T10:00:00", { zone: "Europe/Berlin" })',
		sent('2026-11-29T09:00:00.000Z'),
	],
	[
		'no 30 February',
		'"2026-02-30"',
		refused('The "X" parameter in item 0 is the text "2026-02-30", not a date and time'),
	],
	[
		'no 29 February in 2026',
		'"2026-02-29T10:00:00Z"',
		refused('The "X" parameter in item 0 is the text'),
	],
	['no month 13', '"2026-13-01"', refused('The "X" parameter in item 0 is the text')],
	['no hour 25', '"2026-11-29T25:00"', refused('The "X" parameter in item 0 is the text')],
	['no hour 24', '"2026-11-29T24:00:00Z"', refused('The "X" parameter in item 0 is the text')],
	[
		'no offset of 15 hours',
		'"2026-11-29T10:00:00+15:00"',
		refused('The "X" parameter in item 0 is the text'),
	],
	[
		'day/month or month/day',
		'"03/04/2026"',
		refused('The "X" parameter in item 0 is the text "03/04/2026", not a date and time'),
	],
	['a US date', '"11/29/2026"', refused('The "X" parameter in item 0 is the text')],
	[
		'a month name without a time',
		'"Nov 29 2026"',
		refused('The "X" parameter in item 0 is the text'),
	],
	[
		'a JS Date as text',
		'"Sun Nov 29 2026 10:00:00 GMT+0100 (Central European Standard Time)"',
		refused('The "X" parameter in item 0 is the text'),
	],
	[
		'a word',
		'"tomorrow"',
		refused('The "X" parameter in item 0 is the text "tomorrow", not a date and time'),
	],
	['a time without a date', '"10:00"', refused('The "X" parameter in item 0 is the text "10:00"')],
	['a year alone', '"2026"', refused('The "X" parameter in item 0 is the text "2026"')],
	['a week date', '"2026-W48-7"', refused('The "X" parameter in item 0 is the text')],
	['the text "0"', '"0"', refused('The "X" parameter in item 0 is the text "0"')],
	['seconds as text', '"1764410400"', refused('The "X" parameter in item 0 is the text')],
	[
		'milliseconds as a number',
		'1764410400000',
		refused('The "X" parameter in item 0 is the number 1764410400000, not a date and time'),
	],
	['zero', '0', refused('The "X" parameter in item 0 is the number 0')],
	['true', 'true', refused('The "X" parameter in item 0 is the boolean true')],
	['the text "null"', '"null"', refused('The "X" parameter in item 0 is the text "null"')],
	['an object', '({ date: "2026-11-29" })', refused('The "X" parameter in item 0 is an object')],
	['an empty list', '[]', refused('The "X" parameter in item 0 is a list')],
	[
		'a list of one date',
		'["2026-11-29T10:00:00Z"]',
		refused('The "X" parameter in item 0 is a list'),
	],
	['an invalid JS Date', 'new Date("x")', refused('The "X" parameter in item 0 is an object')],
	[
		'an invalid Luxon DateTime',
		'DateTime.fromISO("x")',
		refused('The "X" parameter in item 0 is the text "Invalid DateTime"'),
	],
	[
		'a year past 9999',
		'"+275760-09-13T00:00:00Z"',
		refused('The "X" parameter in item 0 is the text'),
	],
	['a JS Date past 9999', 'new Date(8.64e15)', refused('The "X" parameter in item 0 is an object')],
	[
		'year 0 at +01:00, before year 0 in UTC',
		'"0000-01-01T00:00:00+01:00"',
		refused('The "X" parameter in item 0 is the text'),
	],
];

describe.each([
	['create', 'Started At', 'additionalFields', 'startedAt'],
	['create', 'Ended At', 'additionalFields', 'endedAt'],
	['update', 'Started At', 'updateFields', 'startedAt'],
	['update', 'Ended At', 'updateFields', 'endedAt'],
] as const)('Activity → %s: %s', (operation, label, collection, field) => {
	it.each(DATE_TIMES)('%s', async (_, expression, outcome) => {
		// Another field beside it, so that an update still has something to send.
		const { run, requests } = await runActivity(operation, {
			[collection]: { type: 'Meeting', [field]: `={{ ${expression as string} }}` },
		});

		const expected =
			'error' in outcome ? { error: outcome.error.replace('"X"', `"${label}"`) } : outcome;
		expectTableOutcome(expected, run, requests, (body) => body[field]);
	});
});

// n8n itself shapes a fixed collection before the node runs (the Workflow checks parameters
// against the node's description): a value that is not `{ values: [...] }` is dropped, and entries
// of another shape become empty entries. The rows say what then reaches Metal.
const NOT_THE_SHAPE = 'not the shape of the collection: n8n drops it before the node runs';
const PARTICIPANTS: TableRow[] = [
	['not added', {}, omitted],
	['no entries', { values: [] }, omitted],
	['null', null, omitted],
	[
		'one, with a type',
		{ values: [{ id: ID, type: 'person' }] },
		sent([{ id: ID, type: 'person' }]),
	],
	[
		'one, without a type',
		{ values: [{ id: ID }] },
		refused('The "Participants → Type" parameter is empty in item 0'),
	],
	[
		'two',
		{
			values: [
				{ id: ID, type: 'person' },
				{ id: ID_B, type: 'person' },
			],
		},
		sent([
			{ id: ID, type: 'person' },
			{ id: ID_B, type: 'person' },
		]),
	],
	[
		'an ID with spaces around',
		{ values: [{ id: ` ${ID} `, type: 'person' }] },
		sent([{ id: ID, type: 'person' }]),
	],
	[
		'an ID in capitals',
		{ values: [{ id: ID.toUpperCase(), type: 'person' }] },
		sent([{ id: ID.toUpperCase(), type: 'person' }]),
	],
	[
		'a blank type',
		{ values: [{ id: ID, type: ' ' }] },
		refused('The "Participants → Type" parameter is empty in item 0'),
	],
	[
		'a type that is null',
		{ values: [{ id: ID, type: '={{ null }}' }] },
		refused('The "Participants → Type" parameter is empty in item 0'),
	],
	[
		'a type with emoji',
		{ values: [{ id: ID, type: 'person 🚀' }] },
		sent([{ id: ID, type: 'person 🚀' }]),
	],
	[
		'a type by expression',
		{ values: [{ id: ID, type: '={{ "pers" + "on" }}' }] },
		sent([{ id: ID, type: 'person' }]),
	],
	[
		'an ID by expression',
		{ values: [{ id: `={{ "${ID}" }}`, type: 'person' }] },
		sent([{ id: ID, type: 'person' }]),
	],
	[`a text: ${NOT_THE_SHAPE}`, '={{ "Jane Doe" }}', omitted],
	[`a list: ${NOT_THE_SHAPE}`, `={{ [{ id: "${ID}", type: "person" }] }}`, omitted],
	[`a number: ${NOT_THE_SHAPE}`, '={{ 3 }}', omitted],
	[`an object of other fields: ${NOT_THE_SHAPE}`, { id: ID, type: 'person' }, omitted],
	[
		'an empty ID',
		{ values: [{ id: '', type: 'person' }] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'an entry left empty',
		{ values: [{ id: '', type: '' }] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'an ID that is null',
		{ values: [{ id: '={{ null }}' }] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'an ID from a missing field',
		{ values: [{ id: '={{ $json.missing }}' }] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'a second entry without an ID',
		{ values: [{ id: ID, type: 'person' }, { type: 'person' }] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'entries that are texts, emptied by n8n',
		{ values: ['Jane Doe'] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'an entry that is null, emptied by n8n',
		{ values: [null] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'an entry that is a list, emptied by n8n',
		{ values: [[ID]] },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'entries by one expression, emptied by n8n',
		{ values: `={{ [{ id: "${ID}" }] }}` },
		refused('The "Participants → ID" parameter is empty in item 0'),
	],
	[
		'an e-mail address as the ID',
		{ values: [{ id: 'jane@acme.com' }] },
		refused(
			'The "Participants → ID" parameter in item 0 is the text "jane@acme.com", not a Metal ID',
		),
	],
	[
		'an ID of 23 characters',
		{ values: [{ id: ID.slice(1) }] },
		refused('The "Participants → ID" parameter in item 0 is the text'),
	],
	[
		'an ID with a path',
		{ values: [{ id: `${ID}/../x` }] },
		refused('The "Participants → ID" parameter in item 0 is the text'),
	],
	[
		'an ID that is a number',
		{ values: [{ id: '={{ 42 }}' }] },
		refused('The "Participants → ID" parameter in item 0 is the number 42'),
	],
	[
		'an ID that is true',
		{ values: [{ id: '={{ true }}' }] },
		refused('The "Participants → ID" parameter in item 0 is the boolean true'),
	],
	[
		'an ID that is a list',
		{ values: [{ id: `={{ ["${ID}"] }}` }] },
		refused('The "Participants → ID" parameter in item 0 is a list'),
	],
	[
		'an ID that is an object',
		{ values: [{ id: `={{ ({ id: "${ID}" }) }}` }] },
		refused('The "Participants → ID" parameter in item 0 is an object'),
	],
	[
		'a type that is a number',
		{ values: [{ id: ID, type: '={{ 7 }}' }] },
		refused('The "Participants → Type" parameter in item 0 is the number 7'),
	],
	[
		'a type that is an object',
		{ values: [{ id: ID, type: '={{ ({}) }}' }] },
		refused('The "Participants → Type" parameter in item 0 is an object'),
	],
];

describe.each([
	['create', 'additionalFields'],
	['update', 'updateFields'],
] as const)('Activity → %s: Participants', (operation, collection) => {
	it.each(PARTICIPANTS)('%s', async (_, value, outcome) => {
		const { run, requests } = await runActivity(operation, {
			[collection]: { type: 'Meeting', participants: value },
		});

		expectTableOutcome(outcome, run, requests, (body) => body.participants);
	});
});

const DEAL_IDS: TableRow[] = [
	['empty text', '""', omitted],
	['a space', '" "', omitted],
	['null', 'null', omitted],
	['a missing field', '$json.missing', omitted],
	['only a comma', '","', omitted],
	['an empty list', '[]', omitted],
	['one ID', `"${ID}"`, sent([ID])],
	['two, comma and space', `"${ID}, ${ID_B}"`, sent([ID, ID_B])],
	['two, comma only', `"${ID},${ID_B}"`, sent([ID, ID_B])],
	['an empty one between', `"${ID},,${ID_B}"`, sent([ID, ID_B])],
	['a trailing comma', `"${ID}, "`, sent([ID])],
	['spaces around', `"  ${ID}  "`, sent([ID])],
	['capitals', `"${ID.toUpperCase()}"`, sent([ID.toUpperCase()])],
	['a list of two', `["${ID}", "${ID_B}"]`, sent([ID, ID_B])],
	['a list with a blank', `["${ID}", "", null]`, sent([ID])],
	['the same twice, as given', `["${ID}", "${ID}"]`, sent([ID, ID])],
	['a list of blanks', '["", " "]', omitted],
	['semicolons', `"${ID}; ${ID_B}"`, refused('The "Deal IDs" parameter in item 0 is the text')],
	['spaces between', `"${ID} ${ID_B}"`, refused('The "Deal IDs" parameter in item 0 is the text')],
	['lines between', `"${ID}\\n${ID_B}"`, refused('The "Deal IDs" parameter in item 0 is the text')],
	[
		'a deal name',
		'"Project Atlas"',
		refused('The "Deal IDs" parameter in item 0 is the text "Project Atlas", not a Metal ID'),
	],
	['23 characters', `"${ID.slice(1)}"`, refused('The "Deal IDs" parameter in item 0 is the text')],
	['an ID with a path', `"${ID}/../x"`, refused('The "Deal IDs" parameter in item 0 is the text')],
	['the text "null"', '"null"', refused('The "Deal IDs" parameter in item 0 is the text "null"')],
	[
		'a number',
		'42',
		refused('The "Deal IDs" parameter in item 0 is the number 42, not a Metal ID'),
	],
	['NaN', 'NaN', refused('The "Deal IDs" parameter in item 0 is the number NaN')],
	['true', 'true', refused('The "Deal IDs" parameter in item 0 is the boolean true')],
	['an empty object', '({})', refused('The "Deal IDs" parameter in item 0 is an object')],
	[
		'a deal object',
		`({ id: "${ID}" })`,
		refused('The "Deal IDs" parameter in item 0 is an object'),
	],
	[
		'a list of deal objects',
		`[{ id: "${ID}" }]`,
		refused('The "Deal IDs" parameter in item 0 is an object'),
	],
	['a list of numbers', '[42]', refused('The "Deal IDs" parameter in item 0 is the number 42')],
	['a list in a list', `[["${ID}"]]`, refused('The "Deal IDs" parameter in item 0 is a list')],
];

describe('Activity → Create: Deal IDs', () => {
	it.each(DEAL_IDS)('%s', async (_, expression, outcome) => {
		const { run, requests } = await runActivity('create', {
			additionalFields: { deals: `={{ ${expression as string} }}` },
		});

		expectTableOutcome(outcome, run, requests, (body) => body.deals);
	});
});

const REFERENCE = { source: 'google-calendar', id: 'evt_7kq1v0o2' };
const SOURCE_EMPTY = refused('The "External Reference → Source" parameter is empty in item 0');
const EXTERNAL_REFERENCES: TableRow[] = [
	['not added', {}, omitted],
	['null', null, omitted],
	['no values', { values: null }, omitted],
	['source and ID', { values: REFERENCE }, sent(REFERENCE)],
	[
		'by expressions',
		{ values: { source: '={{ "google-" + "calendar" }}', id: '={{ "evt_7kq1v0o2" }}' } },
		sent(REFERENCE),
	],
	[
		'an ID with spaces, kept',
		{ values: { source: 'crm', id: ' 42 ' } },
		sent({ source: 'crm', id: ' 42 ' }),
	],
	[
		'emoji',
		{ values: { source: 'cal 📅', id: 'evt ✨' } },
		sent({ source: 'cal 📅', id: 'evt ✨' }),
	],
	[
		'right-to-left text',
		{ values: { source: 'تقويم', id: 'حدث' } },
		sent({ source: 'تقويم', id: 'حدث' }),
	],
	[
		'markup',
		{ values: { source: 'crm', id: '<b>1</b>' } },
		sent({ source: 'crm', id: '<b>1</b>' }),
	],
	[
		'the text "null"',
		{ values: { source: 'crm', id: 'null' } },
		sent({ source: 'crm', id: 'null' }),
	],
	[
		'an expression-looking text',
		{ values: { source: 'crm', id: '={{ "{" + "{ $json.id }" + "}" }}' } },
		sent({ source: 'crm', id: '{{ $json.id }}' }),
	],
	[
		'a long ID',
		{ values: { source: 'crm', id: '={{ "x".repeat(100000) }}' } },
		sent({ source: 'crm', id: 'x'.repeat(100000) }),
	],
	[`a text: ${NOT_THE_SHAPE}`, '={{ "evt_7kq1v0o2" }}', omitted],
	[`the fields without "values": ${NOT_THE_SHAPE}`, REFERENCE, omitted],
	[`a list: ${NOT_THE_SHAPE}`, '={{ [{ source: "crm", id: "1" }] }}', omitted],
	['both left empty', { values: { source: '', id: '' } }, SOURCE_EMPTY],
	['no source', { values: { id: 'evt_1' } }, SOURCE_EMPTY],
	['a blank source', { values: { source: '\u200b', id: 'evt_1' } }, SOURCE_EMPTY],
	['no entries, emptied by n8n', { values: [] }, SOURCE_EMPTY],
	['as a list of one, emptied by n8n', { values: [REFERENCE] }, SOURCE_EMPTY],
	[
		'two entries, emptied by n8n',
		{ values: [REFERENCE, { source: 'crm', id: '1' }] },
		SOURCE_EMPTY,
	],
	['an entry that is a text, emptied by n8n', { values: 'evt_1' }, SOURCE_EMPTY],
	[
		'fields by one expression, emptied by n8n',
		{ values: '={{ ({ source: "crm", id: "1" }) }}' },
		SOURCE_EMPTY,
	],
	[
		'no ID',
		{ values: { source: 'crm' } },
		refused('The "External Reference → ID" parameter is empty in item 0'),
	],
	[
		'an ID from a missing field',
		{ values: { source: 'crm', id: '={{ $json.missing }}' } },
		refused('The "External Reference → ID" parameter is empty in item 0'),
	],
	[
		'an ID that is null',
		{ values: { source: 'crm', id: '={{ null }}' } },
		refused('The "External Reference → ID" parameter is empty in item 0'),
	],
	[
		'an ID that is a number',
		{ values: { source: 'crm', id: '={{ 42 }}' } },
		refused('The "External Reference → ID" parameter in item 0 is the number 42, not text'),
	],
	[
		'an ID that is zero',
		{ values: { source: 'crm', id: '={{ 0 }}' } },
		refused('The "External Reference → ID" parameter in item 0 is the number 0'),
	],
	[
		'an ID that is true',
		{ values: { source: 'crm', id: '={{ true }}' } },
		refused('The "External Reference → ID" parameter in item 0 is the boolean true'),
	],
	[
		'an ID that is an object',
		{ values: { source: 'crm', id: '={{ ({}) }}' } },
		refused('The "External Reference → ID" parameter in item 0 is an object'),
	],
	[
		'an ID that is a list',
		{ values: { source: 'crm', id: '={{ ["a"] }}' } },
		refused('The "External Reference → ID" parameter in item 0 is a list'),
	],
	[
		'a source that is NaN',
		{ values: { source: '={{ NaN }}', id: 'evt_1' } },
		refused('The "External Reference → Source" parameter in item 0 is the number NaN'),
	],
];

describe('Activity → Create: External Reference', () => {
	it.each(EXTERNAL_REFERENCES)('%s', async (_, value, outcome) => {
		const { run, requests } = await runActivity('create', {
			additionalFields: { externalReference: value },
		});

		expectTableOutcome(outcome, run, requests, (body) => body.externalReference);
	});
});
