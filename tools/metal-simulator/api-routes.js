'use strict';

const { answer, answers } = require('./answers');
const { RESOURCES, viewOf } = require('./resources');
const { validate } = require('./schemas');

// Only operations Metal documents: those its API reference shows with a schema (the REF rows of
// the project's endpoint notes), and some its guides or reference headings name without one (GUIDE
// and REF-md-head rows), whose answers are the simulator's choice (see README). Each route is named
// after its operation: the name picks its schema in schemas.js and is what `faultRoutes` takes. A
// known path with another method is simply not matched, so it gets 404 like an unknown path (what
// an Express-style router does; Metal documents no 405). A path id that is not a stored record
// (malformed ones included) is the resource's 404, as Metal answers for a workspace.

/** The request body checked against the route's schema: { value } or { refused: answer }. */
function checkedBody(request, config) {
	if (request.bodyError) return { refused: answers.invalidBody() };
	const { value, error } = validate(request.route, request.body, config);
	return error === undefined ? { value } : { refused: answers.invalidBody(error) };
}

function created(resource, record) {
	return answer(201, { data: viewOf(resource, record) }, 'created', {
		createdId: record.id,
		resource,
	});
}

function createRecord(resource) {
	return (request, { store, config, nextId, now }) => {
		const { value, refused } = checkedBody(request, config);
		if (refused) return refused;
		const at = now();
		return created(
			resource,
			store.add(resource, nextId(at), RESOURCES[resource].fromRequest(value, at)),
		);
	};
}

function getRecord(resource) {
	return (request, { store }) => {
		const record = store.get(resource, request.params.id);
		if (!record) return answers.recordNotFound(RESOURCES[resource].noun);
		return answer(200, { data: viewOf(resource, record) }, 'ok');
	};
}

/**
 * GET by the external id written literally in the path (`externalId=crm-12345`, percent-decoded):
 * the first stored record whose `externalId` is exactly it; an empty one finds nothing.
 */
function getByExternalId(resource) {
	return (request, { store }) => {
		const { externalId } = request.params;
		const record =
			externalId === ''
				? undefined
				: store.find(resource, (candidate) => candidate.externalId === externalId);
		if (!record) return answers.recordNotFound(RESOURCES[resource].noun);
		return answer(200, { data: viewOf(resource, record) }, 'ok');
	};
}

/**
 * GET /v1/people/ids=a,b: the people found, in the order asked, each once. An unknown id is left
 * out, or makes the whole answer a 404 with peopleIdsMissing 'notFound' (Metal does not say).
 */
function getPeopleByIds(request, { store, config }) {
	const { value, error } = validate(request.route, { ids: request.params.ids }, config);
	if (error !== undefined) return answers.invalidIds(error);
	const people = value.ids.map((id) => store.get('people', id));
	if (config.peopleIdsMissing === 'notFound' && people.includes(undefined)) {
		return answers.recordNotFound(RESOURCES.people.noun);
	}
	return answer(200, { data: people.filter((person) => person !== undefined) }, 'ok');
}

/** PUT: sets the fields given and leaves the others as they are (Metal does not say; see README). */
function updateRecord(resource) {
	return (request, { store, config }) => {
		const { value, refused } = checkedBody(request, config);
		if (refused) return refused;
		const record = store.change(resource, request.params.id, value);
		if (!record) return answers.recordNotFound(RESOURCES[resource].noun);
		return answer(200, { data: viewOf(resource, record) }, 'updated', { resource });
	};
}

function listRecords(resource) {
	return (request, { store, config }) => {
		const { value, error } = validate(request.route, request.query, config);
		if (error !== undefined) return answers.invalidQuery(error);
		return answer(
			200,
			{ data: store.list(resource, value).map((record) => viewOf(resource, record)) },
			'ok',
		);
	};
}

/** A search: ranked matches, pages no larger than the searchPageCap knob (see README). */
function searchRecords(resource) {
	return (request, { store, config }) => {
		const { value, refused } = checkedBody(request, config);
		if (refused) return refused;
		const limit = Math.min(value.limit, config.searchPageCap);
		const starMatchesAll = config.searchStarMatchesAll;
		return answer(200, store.search(resource, { ...value, limit, starMatchesAll }), 'ok');
	};
}

function startWorkflowRun(request, { config, runs }) {
	const { value, refused } = checkedBody(request, config);
	if (refused) return refused;
	const run = runs.start(request.params.id, value.input);
	return run ? created('workflow-runs', run) : answers.recordNotFound(RESOURCES.workflows.noun);
}

/** A run action's body: none at all, or what its schema takes (an empty object). */
function actionBody(request, config) {
	return request.bodyError === 'empty' ? { value: {} } : checkedBody(request, config);
}

/** POST /v1/workflow-runs/{id}/cancel: a run not over yet is cancelled now (see README). */
function cancelWorkflowRun(request, { store, config, runs }) {
	const { refused } = actionBody(request, config);
	if (refused) return refused;
	const run = store.get('workflow-runs', request.params.id);
	if (!run) return answers.recordNotFound(RESOURCES['workflow-runs'].noun);
	if (runs.isOver(run)) return answers.unprocessable('Workflow run is not running');
	return answer(200, { data: runs.cancel(run.id) }, 'updated', { resource: 'workflow-runs' });
}

/**
 * POST /v1/workflow-runs/{id}/retry and /rerun: a new run of the same workflow with the same input,
 * when `allows(run)`; else 422 `refusal`. The workflow must still be known, as for a start.
 */
function repeatWorkflowRun(allows, refusal) {
	return (request, { store, config, runs }) => {
		const { refused } = actionBody(request, config);
		if (refused) return refused;
		const run = store.get('workflow-runs', request.params.id);
		if (!run) return answers.recordNotFound(RESOURCES['workflow-runs'].noun);
		if (!allows(run, runs)) return answers.unprocessable(refusal);
		const repeated = runs.start(run.workflowId, run.input);
		return repeated
			? created('workflow-runs', repeated)
			: answers.recordNotFound(RESOURCES.workflows.noun);
	};
}

const retryWorkflowRun = repeatWorkflowRun(
	(run, runs) => runs.statusOf(run) === 'failed',
	'Only a failed workflow run can be retried',
);

const rerunWorkflowRun = repeatWorkflowRun(
	(run, runs) => runs.isOver(run),
	'Workflow run is still running',
);

/** GET /v1/workflows: every seeded workflow as {id, name}, newest first. */
function listWorkflows(request, { store, config }) {
	const { error } = validate(request.route, request.query, config);
	if (error !== undefined) return answers.invalidQuery(error);
	const workflows = store.newestFirst('workflows').map((record) => viewOf('workflows', record));
	return answer(200, { data: workflows }, 'ok');
}

/** GET /v1/workflows/{id}/runs: the runs of a known workflow, newest first, as they stand now. */
function listWorkflowRuns(request, { store, config, runs }) {
	const { error } = validate(request.route, request.query, config);
	if (error !== undefined) return answers.invalidQuery(error);
	if (!runs.knows(request.params.id)) return answers.recordNotFound(RESOURCES.workflows.noun);
	const workflowId = request.params.id.toLowerCase();
	const found = store.newestFirst('workflow-runs', (run) => run.workflowId === workflowId);
	return answer(200, { data: found.map((run) => viewOf('workflow-runs', run)) }, 'ok');
}

function getCurrentKey(request, { currentKey }) {
	return answer(200, { data: currentKey }, 'ok');
}

/**
 * `{id}` in a path is one non-empty segment; another parameter (after a literal `externalId=` or
 * `ids=`) is the rest of its segment and may be empty, so that route still answers for it.
 */
function route(name, method, path, handle) {
	const source = path.replace(/\{(\w+)\}/g, (_, param) =>
		param === 'id' ? '(?<id>[^/]+)' : `(?<${param}>[^/]*)`,
	);
	return { name, method, path, pattern: new RegExp(`^${source}$`), handle };
}

const API_ROUTES = [
	route('createWorkspace', 'POST', '/v1/workspaces', createRecord('workspaces')),
	route('searchWorkspaces', 'POST', '/v1/workspaces/search', searchRecords('workspaces')),
	route('getWorkspace', 'GET', '/v1/workspaces/{id}', getRecord('workspaces')),
	route('getCurrentKey', 'GET', '/v1/keys/current', getCurrentKey),
	route('createActivity', 'POST', '/v1/activities', createRecord('activities')),
	route('searchActivities', 'POST', '/v1/activities/search', searchRecords('activities')),
	route('getActivity', 'GET', '/v1/activities/{id}', getRecord('activities')),
	route('updateActivity', 'PUT', '/v1/activities/{id}', updateRecord('activities')),
	route('listDeals', 'GET', '/v1/deals', listRecords('deals')),
	route('searchDeals', 'POST', '/v1/deals/search', searchRecords('deals')),
	route(
		'getDealByExternalId',
		'GET',
		'/v1/deals/externalId={externalId}',
		getByExternalId('deals'),
	),
	route('updateDeal', 'PUT', '/v1/deals/{id}', updateRecord('deals')),
	route('listCompanies', 'GET', '/v1/companies', listRecords('companies')),
	route('searchCompanies', 'POST', '/v1/companies/search', searchRecords('companies')),
	// Before getCompany, whose {id} would take "externalId=…" too.
	route(
		'getCompanyByExternalId',
		'GET',
		'/v1/companies/externalId={externalId}',
		getByExternalId('companies'),
	),
	route('getCompany', 'GET', '/v1/companies/{id}', getRecord('companies')),
	route('updateCompany', 'PUT', '/v1/companies/{id}', updateRecord('companies')),
	route('searchPeople', 'POST', '/v1/people/search', searchRecords('people')),
	route('getPeopleByIds', 'GET', '/v1/people/ids={ids}', getPeopleByIds),
	route('updatePerson', 'PUT', '/v1/people/{id}', updateRecord('people')),
	route('searchDocuments', 'POST', '/v1/documents/search', searchRecords('documents')),
	route('listWorkflows', 'GET', '/v1/workflows', listWorkflows),
	route('startWorkflowRun', 'POST', '/v1/workflows/{id}/runs', startWorkflowRun),
	route('listWorkflowRuns', 'GET', '/v1/workflows/{id}/runs', listWorkflowRuns),
	route('getWorkflowRun', 'GET', '/v1/workflow-runs/{id}', getRecord('workflow-runs')),
	route('cancelWorkflowRun', 'POST', '/v1/workflow-runs/{id}/cancel', cancelWorkflowRun),
	route('retryWorkflowRun', 'POST', '/v1/workflow-runs/{id}/retry', retryWorkflowRun),
	route('rerunWorkflowRun', 'POST', '/v1/workflow-runs/{id}/rerun', rerunWorkflowRun),
	route('createEnrichment', 'POST', '/v1/enrichments', createRecord('enrichments')),
	route('createTag', 'POST', '/v1/tags', createRecord('tags')),
	route('getScore', 'GET', '/v1/scores/{id}', getRecord('scores')),
];

const ROUTE_NAMES = API_ROUTES.map((apiRoute) => apiRoute.name);

function decodePathParam(value) {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Finds the route for a method and path, with its decoded path parameters. */
function matchApiRoute(method, path) {
	for (const apiRoute of API_ROUTES) {
		if (apiRoute.method !== method) continue;
		const match = apiRoute.pattern.exec(path);
		if (!match) continue;
		const params = Object.fromEntries(
			Object.entries(match.groups ?? {}).map(([key, value]) => [key, decodePathParam(value)]),
		);
		return { route: apiRoute, params };
	}
	return undefined;
}

module.exports = { API_ROUTES, ROUTE_NAMES, matchApiRoute };
