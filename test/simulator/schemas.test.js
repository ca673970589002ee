'use strict';

const { API_ROUTES } = require('../../tools/metal-simulator/api-routes');
const { resolveConfig } = require('../../tools/metal-simulator/config');
const { SCHEMAS, validate } = require('../../tools/metal-simulator/schemas');

const config = resolveConfig({}, {});
const ID = '665f1c2a9b1e4a0012a3b4c5';

function query(text) {
	return new URLSearchParams(text);
}

describe('request schemas (one table, strict)', () => {
	test('every route that takes a body, a query or the people ids has its schema, and no other', () => {
		const GETS_WITH_INPUT = [
			'/v1/deals',
			'/v1/companies',
			'/v1/people/ids={ids}',
			'/v1/workflows',
			'/v1/workflows/{id}/runs',
		];
		const withInput = API_ROUTES.filter(
			(route) => route.method !== 'GET' || GETS_WITH_INPUT.includes(route.path),
		).map((route) => route.name);
		expect(
			Object.keys(SCHEMAS)
				.filter((name) => name !== 'seedWorkflow')
				.sort(),
		).toEqual(withInput.sort());
	});

	test('fills the documented defaults and normalises ids and date-times', () => {
		expect(validate('searchWorkspaces', { query: 'a' }, config)).toEqual({
			value: { query: 'a', page: 1, limit: 20 },
		});
		// The other searches take any limit of 1 or more (the page cap is applied by the route).
		expect(validate('searchDocuments', { query: 'a', limit: 5000 }, config)).toEqual({
			value: { query: 'a', page: 1, limit: 5000 },
		});
		expect(validate('searchWorkspaces', { query: 'a', limit: 101 }, config)).toEqual({
			error: 'limit: must be at most 100',
		});
		expect(validate('listDeals', query(''), config)).toEqual({
			value: { page: 1, limit: 100, sort: 'id', direction: 'desc' },
		});
		expect(validate('startWorkflowRun', {}, config)).toEqual({ value: { input: {} } });
		expect(
			validate(
				'createActivity',
				{
					subject: 'Call',
					startedAt: '2026-03-01T10:00:00+02:00',
					endedAt: '2026-03-01t10:30:00.5z',
					deals: [ID.toUpperCase()],
				},
				config,
			),
		).toEqual({
			value: {
				subject: 'Call',
				startedAt: '2026-03-01T08:00:00.000Z',
				endedAt: '2026-03-01T10:30:00.500Z',
				deals: [ID],
			},
		});
	});

	// Each row: route, input, the reason given (it names the field, for the request log).
	test.each([
		['unknown field', 'updateDeal', { owners: [] }, 'unknown field "owners"'],
		[
			'unknown nested field',
			'updatePerson',
			{ location: { zip: '1' } },
			'location: unknown field "zip"',
		],
		[
			'unknown field in a list entry',
			'createActivity',
			{ subject: 'a', participants: [{ id: ID, type: 'person', role: 'x' }] },
			'participants[0]: unknown field "role"',
		],
		['wrong type: number for string', 'updateDeal', { name: 5 }, 'name: must be a string'],
		['wrong type: string for number', 'updateDeal', { size: '5' }, 'size: must be a number'],
		['wrong type: null', 'updateDeal', { notes: null }, 'notes: must be a string'],
		[
			'wrong type: string for boolean',
			'createActivity',
			{ subject: 'a', isPrivate: 'true' },
			'isPrivate: must be a boolean',
		],
		[
			'wrong type: object for list',
			'updateCompany',
			{ alternativeNames: { a: 1 } },
			'alternativeNames: must be an array',
		],
		[
			'wrong type in a list',
			'updateCompany',
			{ alternativeNames: ['a', 2] },
			'alternativeNames[1]: must be a string',
		],
		['wrong type: list for object', 'updateCompany', { custom: [] }, 'custom: must be an object'],
		['not an object', 'createTag', ['company'], 'must be an object'],
		[
			'bad enum: lower case',
			'updateDeal',
			{ status: 'active' },
			'status: must be one of ACTIVE, CLOSED, PASSED_DEAD',
		],
		[
			'bad enum: a label',
			'updateDeal',
			{ stage: 'Due diligence' },
			expect.stringMatching(/^stage: must be one of SOURCED, /),
		],
		[
			'bad enum: tag type',
			'createTag',
			{ type: 'person', value: 'x' },
			'type: must be one of company, deal, list',
		],
		[
			'bad id: 23 characters',
			'updateDeal',
			{ companyId: ID.slice(1) },
			'companyId: must be a Metal id (24 hexadecimal characters)',
		],
		[
			'bad id: not hex',
			'createActivity',
			{ subject: 'a', deals: [`${ID.slice(1)}g`] },
			'deals[0]: must be a Metal id (24 hexadecimal characters)',
		],
		[
			'bad id: padded',
			'createEnrichment',
			{
				resourceType: 'company',
				resourceId: ` ${ID}`,
				property: 'p',
				value: 1,
				source: 's',
				sourceId: 'i',
			},
			'resourceId: must be a Metal id (24 hexadecimal characters)',
		],
		[
			'bad id: participant',
			'createActivity',
			{ subject: 'a', participants: [{ id: 'me', type: 'person' }] },
			'participants[0].id: must be a Metal id (24 hexadecimal characters)',
		],
		['missing required field', 'createTag', { value: 'x' }, 'missing field "type"'],
		['blank required string', 'createActivity', { subject: '  ' }, 'subject: must not be blank'],
		[
			'number out of range',
			'createEnrichment',
			{
				resourceType: 'company',
				resourceId: ID,
				property: 'p',
				value: 1,
				source: 's',
				sourceId: 'i',
				confidence: 1.01,
			},
			'confidence: must be at most 1',
		],
		[
			'date without seconds',
			'createActivity',
			{ subject: 'a', startedAt: '2026-03-01T10:00Z' },
			'startedAt: must be an RFC 3339 date-time',
		],
		[
			'date without zone',
			'createActivity',
			{ subject: 'a', startedAt: '2026-03-01T10:00:00' },
			'startedAt: must be an RFC 3339 date-time',
		],
		[
			'date only',
			'updateActivity',
			{ endedAt: '2026-03-01' },
			'endedAt: must be an RFC 3339 date-time',
		],
		[
			'date that does not exist',
			'updateActivity',
			{ endedAt: '2026-02-30T10:00:00Z' },
			'endedAt: must be a real date-time',
		],
		[
			'an offset that does not exist',
			'updateActivity',
			{ endedAt: '2026-02-03T10:00:00+25:00' },
			'endedAt: must be a real date-time',
		],
		[
			'hour 24',
			'updateActivity',
			{ endedAt: '2026-02-03T24:00:00Z' },
			'endedAt: must be a real date-time',
		],
		[
			'date as a number',
			'updateActivity',
			{ endedAt: 1767225600000 },
			'endedAt: must be an RFC 3339 date-time',
		],
		['PUT activity with deals', 'updateActivity', { deals: [] }, 'unknown field "deals"'],
		[
			'PUT activity with externalReference',
			'updateActivity',
			{ externalReference: { source: 's', id: '1' } },
			'unknown field "externalReference"',
		],
		['query: page over 100', 'listDeals', query('page=101'), 'page: must be at most 100'],
		['query: limit 0', 'listCompanies', query('limit=0'), 'limit: must be at least 1'],
		[
			'query: limit with a sign',
			'listCompanies',
			query('limit=%2B5'),
			'limit: must be a whole number',
		],
		['query: unknown parameter', 'listDeals', query('stage=SOURCED'), 'unknown field "stage"'],
		[
			'query: repeated parameter',
			'listDeals',
			query('limit=1&limit=2'),
			'parameter "limit" given twice',
		],
		[
			'query: bad cursor',
			'listDeals',
			query('lt=abc'),
			'lt: must be a Metal id (24 hexadecimal characters)',
		],
	])('refuses %s', (_label, route, input, reason) => {
		expect(validate(route, input, config)).toEqual({ error: reason });
	});

	test('maxNameLength caps a workspace name through the knob', () => {
		const capped = resolveConfig({ maxNameLength: 3 }, {});
		expect(validate('createWorkspace', { name: 'Atlas' }, capped)).toEqual({
			error: 'name: must be at most 3 characters (maxNameLength)',
		});
		expect(validate('createWorkspace', { name: 'Atl' }, capped)).toEqual({
			value: { name: 'Atl' },
		});
	});

	test('an enrichment value may be any JSON value, null included, but must be there', () => {
		const base = {
			resourceType: 'company',
			resourceId: ID,
			property: 'p',
			source: 's',
			sourceId: 'i',
		};
		for (const value of [null, 0, false, '', [], {}, [{ a: 1 }]]) {
			expect(validate('createEnrichment', { ...base, value }, config)).toEqual({
				value: { ...base, value },
			});
		}
		expect(validate('createEnrichment', base, config)).toEqual({ error: 'missing field "value"' });
	});
});
