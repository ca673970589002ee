'use strict';

const { isObjectId } = require('./object-id');
const { RUN_OUTCOMES } = require('./workflow-runs');

// Every request body and list query the simulator accepts, in one table, checked strictly: the
// simulator exists to catch a client that sends a wrong type, a value outside an enum, a field Metal
// does not know or a malformed id, so anything outside the documented schema is a 400. The schemas
// follow the REF rows of Metal's API reference; where the reference is silent (blank strings, the
// parts of a nested object) the choice made here is the stricter one and is said in the README.

class Invalid extends Error {}

function fail(reason) {
	throw new Invalid(reason);
}

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A rule is a function (value, context) => the value to keep; it throws Invalid when the value
// breaks it. `context.config` gives rules access to knobs (maxNameLength).

/** A string; `nonBlank` refuses "" and whitespace; `maxLengthKnob` names a knob that caps it. */
function text({ nonBlank = false, maxLengthKnob } = {}) {
	return (value, { config }) => {
		if (typeof value !== 'string') fail('must be a string');
		if (nonBlank && value.trim() === '') fail('must not be blank');
		const max = maxLengthKnob ? config[maxLengthKnob] : null;
		if (max !== null && max !== undefined && value.length > max) {
			fail(`must be at most ${max} characters (${maxLengthKnob})`);
		}
		return value;
	};
}

/** A Metal id: 24 hexadecimal characters, kept in lower case as Metal answers ids. */
function metalId() {
	return (value) => {
		if (!isObjectId(value)) fail('must be a Metal id (24 hexadecimal characters)');
		return value.toLowerCase();
	};
}

function number({ integer = false, min, max } = {}) {
	return (value) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) fail('must be a number');
		if (integer && !Number.isInteger(value)) fail('must be an integer');
		if (min !== undefined && value < min) fail(`must be at least ${min}`);
		if (max !== undefined && value > max) fail(`must be at most ${max}`);
		return value;
	};
}

function boolean() {
	return (value) => (typeof value === 'boolean' ? value : fail('must be a boolean'));
}

// RFC 3339, what OpenAPI's `format: date-time` means: a date, a time with seconds and a zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 date-time; kept as ISO 8601 in UTC, as Metal answers its timestamps. */
function dateTime() {
	return (value) => {
		if (typeof value !== 'string' || !DATE_TIME.test(value)) fail('must be an RFC 3339 date-time');
		const [date, time] = value.toUpperCase().split('T');
		const [year, month, day] = date.split('-').map(Number);
		const [hours, minutes, seconds] = time.slice(0, 8).split(':').map(Number);
		const calendar = new Date(Date.UTC(year, month - 1, day));
		const realDay = calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
		// Date.parse alone would roll 2026-02-30 over to March instead of refusing it.
		const parsed = new Date(value);
		const real = realDay && hours <= 23 && minutes <= 59 && seconds <= 59;
		if (!real || Number.isNaN(parsed.getTime())) fail('must be a real date-time');
		return parsed.toISOString();
	};
}

function oneOf(values) {
	return (value) => (values.includes(value) ? value : fail(`must be one of ${values.join(', ')}`));
}

function listOf(rule) {
	return (value, context) => {
		if (!Array.isArray(value)) fail('must be an array');
		return value.map((entry, index) => within(`[${index}]`, () => rule(entry, context)));
	};
}

/** Any JSON object (the workflow input, a company's custom fields). */
function anyObject() {
	return (value) => (isPlainObject(value) ? value : fail('must be an object'));
}

/** Any JSON value, null included (an enrichment's value). */
function anyValue() {
	return (value) => value;
}

/** Prefixes the reason of a failure inside `run` with where it happened. */
function within(at, run) {
	try {
		return run();
	} catch (error) {
		if (!(error instanceof Invalid)) throw error;
		const nested = error.message.startsWith('.') || error.message.startsWith('[');
		throw new Invalid(`${at}${nested ? '' : ': '}${error.message}`);
	}
}

/**
 * An object with exactly these fields (unknown ones are refused); `required` lists the fields that
 * must be there. A field given as `[rule, fallback]` takes `fallback` when it is missing.
 */
function object(fields, { required = [] } = {}) {
	return (value, context) => {
		if (!isPlainObject(value)) fail('must be an object');
		for (const key of Object.keys(value)) {
			if (!Object.hasOwn(fields, key)) fail(`unknown field "${key}"`);
		}
		const parsed = {};
		for (const [key, spec] of Object.entries(fields)) {
			const [rule, fallback] = Array.isArray(spec) ? spec : [spec, undefined];
			if (Object.hasOwn(value, key)) {
				parsed[key] = within(`.${key}`, () => rule(value[key], context));
			} else if (required.includes(key)) {
				fail(`missing field "${key}"`);
			} else if (fallback !== undefined) {
				parsed[key] = fallback;
			}
		}
		return parsed;
	};
}

/** A query parameter holding a whole number (digits only) in bounds. */
function integerText({ min, max }) {
	const bounded = number({ integer: true, min, max });
	return (value, context) => {
		if (!/^\d{1,10}$/.test(value)) fail('must be a whole number');
		return bounded(Number(value), context);
	};
}

/**
 * A query string with exactly these parameters: an unknown or repeated parameter is refused.
 * Values reach the rules as strings, as they travel.
 */
function query(fields) {
	const asObject = object(fields);
	return (params, context) => {
		const seen = {};
		for (const [key, value] of params) {
			if (Object.hasOwn(seen, key)) fail(`parameter "${key}" given twice`);
			seen[key] = value;
		}
		return asObject(seen, context);
	};
}

/**
 * A comma-separated list of Metal ids in a path (`ids=a,b`, already percent-decoded): at least one,
 * at most the knob `maxKnob` (counted as given), each a Metal id. Kept in lower case, each id once,
 * in the order first given.
 */
function idList({ maxKnob }) {
	const id = metalId();
	return (value, context) => {
		if (typeof value !== 'string') fail('must be a string');
		if (value === '') fail('must name at least one id');
		const ids = value.split(',').map((entry, index) => within(`[${index}]`, () => id(entry)));
		const max = context.config[maxKnob];
		if (ids.length > max) fail(`must name at most ${max} ids (${maxKnob})`);
		return [...new Set(ids)];
	};
}

// ---- The documented shapes --------------------------------------------------------------------

const externalReference = object(
	{ source: text({ nonBlank: true }), id: text({ nonBlank: true }) },
	{ required: ['source', 'id'] },
);

const ACTIVITY_FIELDS = {
	subject: text({ nonBlank: true }),
	type: text(),
	startedAt: dateTime(),
	endedAt: dateTime(),
	participants: listOf(
		object({ id: metalId(), type: text({ nonBlank: true }) }, { required: ['id', 'type'] }),
	),
	deals: listOf(metalId()),
	externalReference,
	isPrivate: boolean(),
};

// The update schema leaves out `deals` and `externalReference`: Metal's PUT does not take them.
const { deals: _deals, externalReference: _reference, ...ACTIVITY_UPDATE_FIELDS } = ACTIVITY_FIELDS;

// GET /v1/deals and /v1/companies. Only sorting by id is simulated (the documented default); any
// other `sort` is refused rather than silently ignored.
const LIST_QUERY = query({
	page: [integerText({ min: 1, max: 100 }), 1],
	limit: [integerText({ min: 1, max: 1000 }), 100],
	lt: metalId(),
	sort: [oneOf(['id', '_id']), 'id'],
	direction: [oneOf(['asc', 'desc']), 'desc'],
});

/**
 * The body of every search: a non-blank query, page ≥ 1, limit ≥ 1 (the workspace search keeps its
 * former maximum of 100; the searchPageCap knob caps the page the route answers, not the body).
 */
function searchBody({ maxLimit } = {}) {
	return object(
		{
			query: text({ nonBlank: true }),
			page: [number({ integer: true, min: 1 }), 1],
			limit: [number({ integer: true, min: 1, max: maxLimit }), 20],
		},
		{ required: ['query'] },
	);
}

const SEARCH_BODY = searchBody();

const DEAL_STATUSES = ['ACTIVE', 'CLOSED', 'PASSED_DEAD'];
const DEAL_STAGES = [
	'SOURCED',
	'SCREENED',
	'IOI_TERM_SHEET',
	'DUE_DILIGENCE',
	'IC_MEETING',
	'DEAL_CLOSING',
	'PORTFOLIO_COMPANY',
	'REALIZED',
	'PASSED',
	'DEAD',
];

/** Request schemas by route name (see api-routes.js): bodies, list queries, the people ids. */
const SCHEMAS = {
	createWorkspace: object(
		{
			name: text({ nonBlank: true, maxLengthKnob: 'maxNameLength' }),
			company: text(),
			isPrivate: boolean(),
		},
		{ required: ['name'] },
	),
	searchWorkspaces: searchBody({ maxLimit: 100 }),
	createActivity: object(ACTIVITY_FIELDS, { required: ['subject'] }),
	updateActivity: object(ACTIVITY_UPDATE_FIELDS),
	listDeals: LIST_QUERY,
	updateDeal: object({
		name: text(),
		companyId: metalId(),
		status: oneOf(DEAL_STATUSES),
		stage: oneOf(DEAL_STAGES),
		sector: text(),
		size: number(),
		notes: text(),
	}),
	listCompanies: LIST_QUERY,
	updateCompany: object({
		canonicalName: text(),
		alternativeNames: listOf(text()),
		website: text(),
		description: text(),
		shortDescription: text(),
		sector: text(),
		industry: text(),
		externalId: text(),
		custom: anyObject(),
	}),
	searchCompanies: SEARCH_BODY,
	searchDeals: SEARCH_BODY,
	searchPeople: SEARCH_BODY,
	searchActivities: SEARCH_BODY,
	searchDocuments: SEARCH_BODY,
	// Not a body: the path's ids, as { ids } (see api-routes.js).
	getPeopleByIds: object({ ids: idList({ maxKnob: 'maxPeopleIds' }) }, { required: ['ids'] }),
	updatePerson: object({
		firstName: text(),
		lastName: text(),
		email: text(),
		currentTitle: text(),
		currentCompanyName: text(),
		company: text(),
		linkedinUrl: text(),
		phoneNumber: text(),
		location: object({ city: text(), state: text(), country: text() }),
		externalId: text(),
	}),
	// Metal documents no query parameter for these two lists: any one is refused.
	listWorkflows: query({}),
	startWorkflowRun: object({ input: [anyObject(), {}] }),
	listWorkflowRuns: query({}),
	// Metal documents no body for the run actions: only an empty object (or no body at all).
	cancelWorkflowRun: object({}),
	retryWorkflowRun: object({}),
	rerunWorkflowRun: object({}),
	createEnrichment: object(
		{
			resourceType: text({ nonBlank: true }),
			resourceId: metalId(),
			property: text({ nonBlank: true }),
			value: anyValue(),
			source: text({ nonBlank: true }),
			sourceId: text({ nonBlank: true }),
			provider: text(),
			confidence: number({ min: 0, max: 1 }),
			rationale: text(),
		},
		{ required: ['resourceType', 'resourceId', 'property', 'value', 'source', 'sourceId'] },
	),
	createTag: object(
		{
			type: oneOf(['company', 'deal', 'list']),
			value: text({ nonBlank: true }),
			color: text(),
			externalReference,
		},
		{ required: ['type', 'value'] },
	),
	// Not a Metal route: what a workflow seeded through /_sim may hold (see README).
	seedWorkflow: object({
		id: metalId(),
		name: text(),
		runOutcome: oneOf(RUN_OUTCOMES),
		runDurationMs: number({ integer: true, min: 0 }),
		runOutput: anyObject(),
	}),
};

/**
 * Checks `value` against the schema of a route. Returns { value } (defaults filled in, ids in lower
 * case, date-times in UTC) or { error } naming the field and the rule it broke.
 */
function validate(routeName, value, config) {
	try {
		return { value: SCHEMAS[routeName](value, { config }) };
	} catch (error) {
		if (error instanceof Invalid) return { error: error.message.replace(/^\./, '') };
		throw error;
	}
}

module.exports = { SCHEMAS, DEAL_STATUSES, DEAL_STAGES, validate };
