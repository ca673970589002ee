'use strict';

// The error bodies Metal documents (guides/errors, guides/rate-limits, the OpenAPI examples), kept
// in one place so every route answers with the exact same text.

function answer(status, body, outcome, extra = {}) {
	return { status, body, outcome, headers: {}, workspaceId: undefined, ...extra };
}

const answers = {
	unauthorized: (outcome = 'unauthorized') =>
		answer(401, { error: 'invalid api key or clientId' }, outcome),
	invalidBody: () => answer(400, { error: 'Invalid request body' }, 'invalid_body'),
	notFound: () => answer(404, { error: 'Not found' }, 'not_found'),
	workspaceNotFound: () => answer(404, { error: 'Workspace not found' }, 'not_found'),
	rateLimited: (retryAfterSeconds) =>
		answer(429, { error: 'rate limit exceeded' }, 'rate_limited', {
			headers: retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) },
		}),
	internalError: (outcome = 'failed') => answer(500, { error: 'Internal server error' }, outcome),
	// Not an HTTP answer: the server drops the connection instead of writing one.
	connectionReset: () => ({ reset: true, outcome: 'reset', workspaceId: undefined }),
};

module.exports = { answer, answers };
