'use strict';

const { answer, answers } = require('./answers');
const { parseCreateWorkspaceBody, parseSearchBody } = require('./request-validation');

// Only the operations documented in shared/metal-api (workspaces create/get/search and the
// current key). Each route is named after its operation, which is also what `faultRoutes` takes.
// A known path with another method is simply not matched, so it gets 404 like an unknown path
// (what an Express-style router does; Metal documents no 405).

function createWorkspace(request, { store, config }) {
	const fields = request.bodyError
		? undefined
		: parseCreateWorkspaceBody(request.body, config.maxNameLength);
	if (!fields) return answers.invalidBody();
	const workspace = store.create(fields);
	return answer(201, { data: workspace }, 'created', { workspaceId: workspace.id });
}

function getWorkspace(request, { store }) {
	const workspace = store.get(request.params.id);
	return workspace ? answer(200, { data: workspace }, 'ok') : answers.workspaceNotFound();
}

function searchWorkspaces(request, { store, config }) {
	const search = request.bodyError ? undefined : parseSearchBody(request.body);
	if (!search) return answers.invalidBody();
	const result = store.search({ ...search, starMatchesAll: config.searchStarMatchesAll });
	return answer(200, result, 'ok');
}

function getCurrentKey(request, { currentKey }) {
	return answer(200, { data: currentKey }, 'ok');
}

const API_ROUTES = [
	{
		name: 'createWorkspace',
		method: 'POST',
		pattern: /^\/v1\/workspaces$/,
		handle: createWorkspace,
	},
	{
		name: 'searchWorkspaces',
		method: 'POST',
		pattern: /^\/v1\/workspaces\/search$/,
		handle: searchWorkspaces,
	},
	{
		name: 'getWorkspace',
		method: 'GET',
		pattern: /^\/v1\/workspaces\/(?<id>[^/]+)$/,
		handle: getWorkspace,
	},
	{ name: 'getCurrentKey', method: 'GET', pattern: /^\/v1\/keys\/current$/, handle: getCurrentKey },
];

function decodePathParam(value) {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Finds the route for a method and path, with its decoded path parameters. */
function matchApiRoute(method, path) {
	for (const route of API_ROUTES) {
		if (route.method !== method) continue;
		const match = route.pattern.exec(path);
		if (!match) continue;
		const params = Object.fromEntries(
			Object.entries(match.groups ?? {}).map(([key, value]) => [key, decodePathParam(value)]),
		);
		return { route, params };
	}
	return undefined;
}

module.exports = { API_ROUTES, matchApiRoute };
