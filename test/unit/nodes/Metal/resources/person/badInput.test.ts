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

const ID = '665f1c2a9b1e4a0012a3e001';

/** Runs Person → Update, answering whatever it sends with the person. */
async function runUpdate(parameters: Record<string, unknown>) {
	const requests = interceptMetal({
		method: 'put',
		path: /^\/v1\/people\/.*/,
		reply: (body) => [200, { data: { id: ID, ...(body as object) } }],
	});
	const run = await runMetalNode({
		parameters: {
			resource: 'person',
			operation: 'update',
			personId: { __rl: true, mode: 'id', value: ID },
			...parameters,
		} as RunOptions['parameters'],
	});
	return { run, requests };
}

// Every value of the corpus in each text field, as the only field of the update: a clear error
// naming the parameter and the item, or a request with the text as given.
describe.each([
	['First Name', 'firstName'],
	['Last Name', 'lastName'],
	['Email', 'email'],
	['Current Title', 'currentTitle'],
	['Current Company Name', 'currentCompanyName'],
	['Company', 'company'],
	['LinkedIn URL', 'linkedinUrl'],
	['Phone Number', 'phoneNumber'],
	['External ID', 'externalId'],
])('Person → Update: %s', (label, field) => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const { run, requests } = await runUpdate({
			updateFields: { [field]: `={{ ${expression} }}` },
		});

		expectUpdateOutcome(RULES.text(value), run, requests, { label, field: (body) => body[field] });
	});
});

describe('Person → Update: Person (the ID)', () => {
	it.each(CORPUS)('%s', async (_, expression, value) => {
		const { run, requests } = await runUpdate({
			personId: { __rl: true, mode: 'id', value: `={{ ${expression} }}` },
			updateFields: { firstName: 'Jane' },
		});

		const outcome = requiredRule(RULES.metalId)(value);
		if ('sent' in outcome) {
			expect(run.error).toBeUndefined();
			expect(requests.map((r) => r.path)).toEqual([`/v1/people/${outcome.sent as string}`]);
		} else {
			expectOutcome(outcome, run, requests, { label: 'Person', field: () => undefined });
		}
	});
});

// n8n shapes a fixed collection before the node runs: a value that is not `{ values: {...} }` is
// dropped, and an entry of another shape becomes an empty one (the rows say what reaches Metal).
const LONDON = { city: 'London', state: 'England', country: 'United Kingdom' };
const LOCATIONS: TableRow[] = [
	['not added', {}, omitted],
	['null', null, omitted],
	['no values', { values: null }, omitted],
	['every part left empty', { values: { city: '', state: '', country: '' } }, omitted],
	[
		'every part blank or invisible',
		{ values: { city: ' ', state: '\u200b', country: '\t' } },
		omitted,
	],
	['every part', { values: LONDON }, sent(LONDON)],
	['the city only', { values: { city: 'London' } }, sent({ city: 'London' })],
	['the state only', { values: { state: 'New York' } }, sent({ state: 'New York' })],
	['the country only', { values: { country: 'France' } }, sent({ country: 'France' })],
	[
		'an empty state left out',
		{ values: { city: 'Paris', state: '', country: 'France' } },
		sent({ city: 'Paris', country: 'France' }),
	],
	[
		'a state that is null',
		{ values: { city: 'Paris', state: '={{ null }}' } },
		sent({ city: 'Paris' }),
	],
	[
		'a missing field',
		{ values: { city: '={{ $json.missing }}', country: 'France' } },
		sent({ country: 'France' }),
	],
	[
		'by expressions',
		{ values: { city: '={{ "Lon" + "don" }}', country: '={{ "United Kingdom" }}' } },
		sent({ city: 'London', country: 'United Kingdom' }),
	],
	[
		'spaces around, kept',
		{ values: { country: ' United Kingdom ' } },
		sent({ country: ' United Kingdom ' }),
	],
	[
		'accents',
		{ values: { city: 'São Paulo', country: 'Brasil' } },
		sent({ city: 'São Paulo', country: 'Brasil' }),
	],
	[
		'right-to-left text',
		{ values: { city: 'دبي', country: 'الإمارات' } },
		sent({ city: 'دبي', country: 'الإمارات' }),
	],
	['emoji', { values: { city: 'Zürich 🏔' } }, sent({ city: 'Zürich 🏔' })],
	['markup', { values: { city: '<b>Oslo</b>' } }, sent({ city: '<b>Oslo</b>' })],
	['the text "null"', { values: { city: 'null' } }, sent({ city: 'null' })],
	[
		'a long text',
		{ values: { city: '={{ "x".repeat(100000) }}' } },
		sent({ city: 'x'.repeat(100000) }),
	],
	['the parts without "values": n8n drops it', LONDON, omitted],
	['a text: n8n drops it', '={{ "London, UK" }}', omitted],
	['a list: n8n drops it', '={{ [{ city: "London" }] }}', omitted],
	['a list of entries: n8n empties it', { values: [LONDON] }, omitted],
	['an entry that is a text: n8n empties it', { values: 'London' }, omitted],
	[
		'a city that is a number',
		{ values: { city: '={{ 42 }}' } },
		refused('The "Location → City" parameter in item 0 is the number 42, not text'),
	],
	[
		'a city that is true',
		{ values: { city: '={{ true }}' } },
		refused('The "Location → City" parameter in item 0 is the boolean true'),
	],
	[
		'a city that is an object',
		{ values: { city: '={{ ({ name: "London" }) }}' } },
		refused('The "Location → City" parameter in item 0 is an object'),
	],
	[
		'a city that is a list',
		{ values: { city: '={{ ["London"] }}' } },
		refused('The "Location → City" parameter in item 0 is a list'),
	],
	[
		'a state that is NaN',
		{ values: { state: '={{ NaN }}' } },
		refused('The "Location → State" parameter in item 0 is the number NaN'),
	],
	[
		'a state that is zero',
		{ values: { city: 'Paris', state: '={{ 0 }}' } },
		refused('The "Location → State" parameter in item 0 is the number 0'),
	],
	[
		'a country that is a date',
		{ values: { country: '={{ new Date(0) }}' } },
		refused('The "Location → Country" parameter in item 0 is an object, not text'),
	],
	[
		'a country code as a number',
		{ values: { country: '={{ 44 }}' } },
		refused('The "Location → Country" parameter in item 0 is the number 44'),
	],
];

describe('Person → Update: Location', () => {
	it.each(LOCATIONS)('%s', async (_, value, outcome) => {
		// Another field beside it, so that the update has something to send when it is left out.
		const { run, requests } = await runUpdate({
			updateFields: { firstName: 'Jane', location: value },
		});

		expectTableOutcome(outcome, run, requests, (body) => body.location);
	});
});
