'use strict';

// What the simulator stores, one entry per resource (named as in the API paths, plural). For each:
// the noun of its 404 ("Deal not found"), whether records carry createdAt/updatedAt (deals and
// workflows do not: Metal's documented objects have none), how a create request becomes a record
// (key order as in Metal's documented object; optional fields only when given), which keys the
// API answers with when that is less than what is stored, and the fields its search looks at (a
// field name, or a function of the record; see search.js).

/** Copies `keys` of `fields` that are set, in that order. */
function given(fields, keys) {
	return Object.fromEntries(
		keys.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]),
	);
}

/** A view keeping only `keys`, in that order (a value of null is kept). */
function only(keys) {
	return (record) =>
		Object.fromEntries(
			keys.filter((key) => Object.hasOwn(record, key)).map((key) => [key, record[key]]),
		);
}

/** A person's "firstName lastName" (either alone when the other is missing), for the search. */
function fullName(person) {
	return [person.firstName, person.lastName].filter((name) => typeof name === 'string').join(' ');
}

const RESOURCES = {
	workspaces: {
		noun: 'Workspace',
		timestamps: true,
		searchFields: ['name', 'company'],
		fromRequest: (fields) => ({
			name: fields.name,
			source: 'api',
			...given(fields, ['company']),
			isPrivate: fields.isPrivate ?? false,
			isPersonal: false,
		}),
	},
	activities: {
		noun: 'Activity',
		timestamps: true,
		searchFields: ['subject', 'type'],
		// relatedResources is Metal's own (not in the request); the simulator leaves it empty.
		fromRequest: (fields) => ({
			subject: fields.subject,
			...given(fields, ['type', 'startedAt', 'endedAt']),
			participants: fields.participants ?? [],
			deals: fields.deals ?? [],
			relatedResources: [],
			...given(fields, ['externalReference']),
			isPrivate: fields.isPrivate ?? false,
		}),
	},
	deals: {
		noun: 'Deal',
		timestamps: false,
		searchFields: ['name', 'sector', 'industry', 'notes'],
	},
	companies: {
		noun: 'Company',
		timestamps: true,
		searchFields: [
			'canonicalName',
			'alternativeNames',
			'website',
			'description',
			'shortDescription',
			'sector',
			'industry',
		],
	},
	people: {
		noun: 'Person',
		timestamps: true,
		searchFields: [
			'firstName',
			'lastName',
			fullName,
			'email',
			'currentTitle',
			'currentCompanyName',
		],
	},
	// Workflows are listed as {id, name} (Metal shows no shape); the rest is the simulator's own:
	// how their runs end (seedWorkflow in schemas.js).
	workflows: {
		noun: 'Workflow',
		timestamps: false,
		seedSchema: 'seedWorkflow',
		view: only(['id', 'name']),
	},
	'workflow-runs': { noun: 'Workflow run', timestamps: false, seedable: false },
	enrichments: {
		noun: 'Enrichment',
		timestamps: false,
		fromRequest: (fields, now) => ({
			...given(fields, ['resourceType', 'resourceId', 'property']),
			value: fields.value,
			...given(fields, ['provider', 'source', 'sourceId', 'confidence', 'rationale']),
			capturedOn: now.toISOString(),
		}),
		view: only([
			'id',
			'property',
			'value',
			'provider',
			'source',
			'sourceId',
			'confidence',
			'capturedOn',
		]),
	},
	tags: {
		noun: 'Tag',
		timestamps: true,
		fromRequest: (fields) => given(fields, ['type', 'value', 'color', 'externalReference']),
		view: only(['id', 'value', 'color', 'externalReference', 'createdAt', 'updatedAt']),
	},
	// Scores are only seeded. A seed gets the documented shape, with what it leaves out filled in
	// by this example (a seed's own fields win).
	scores: {
		noun: 'Score',
		timestamps: true,
		seedDefaults: (nextId) => ({
			frameworkId: nextId(),
			frameworkName: 'Simulated framework',
			company: nextId(),
			screeningId: nextId(),
			finalScore: 3.5,
			elementScores: [
				{
					elementId: nextId(),
					elementName: 'Market',
					score: 4,
					reasoning: 'Simulated reasoning',
					confidence: 0.8,
				},
				{
					elementId: nextId(),
					elementName: 'Team',
					score: 3,
					reasoning: 'Simulated reasoning',
					confidence: 0.6,
				},
			],
			metadata: {},
		}),
	},
	// Documents are only seeded (Metal documents no create) and only searched. Metal does not show
	// their shape; the simulator's is {id, title, text, createdAt, updatedAt} (see README).
	documents: {
		noun: 'Document',
		timestamps: true,
		searchFields: ['title', 'text'],
		searchBy: 'words',
	},
};

const RESOURCE_NAMES = Object.keys(RESOURCES);

/** What the API answers for a stored record. */
function viewOf(resource, record) {
	const { view } = RESOURCES[resource];
	return view ? view(record) : record;
}

module.exports = { RESOURCES, RESOURCE_NAMES, viewOf };
