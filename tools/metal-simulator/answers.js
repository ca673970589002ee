'use strict';

// The error bodies Metal documents (guides/errors, guides/rate-limits, the OpenAPI examples), kept
// in one place so every route answers with the exact same text. `createdId` and `resource` name a
// record a request stored (the request log keeps them, also when a fault replaces the answer);
// `invalid` says which rule a refused body broke (log only, never sent).

function answer(status, body, outcome, extra = {}) {
	return {
		status,
		body,
		outcome,
		headers: {},
		createdId: undefined,
		resource: undefined,
		...extra,
	};
}

const answers = {
	unauthorized: (outcome = 'unauthorized') =>
		answer(401, { error: 'invalid api key or clientId' }, outcome),
	invalidBody: (invalid) =>
		answer(400, { error: 'Invalid request body' }, 'invalid_body', { invalid }),
	// Metal documents a 400 for a malformed request, not its text for a bad query parameter.
	invalidQuery: (invalid) =>
		answer(400, { error: 'Invalid query parameters' }, 'invalid_query', { invalid }),
	// The ids of GET /v1/people/ids={ids}: Metal documents neither the rule nor the text.
	invalidIds: (invalid) => answer(400, { error: 'Invalid ids' }, 'invalid_path', { invalid }),
	notFound: () => answer(404, { error: 'Not found' }, 'not_found'),
	// "Workspace not found" is Metal's text; the other nouns follow the same pattern.
	recordNotFound: (noun) => answer(404, { error: `${noun} not found` }, 'not_found'),
	// Metal's errors guide: 422 for a request understood but not processable (a conflict).
	unprocessable: (message) => answer(422, { error: message }, 'unprocessable'),
	rateLimited: (retryAfter) =>
		answer(429, { error: 'rate limit exceeded' }, 'rate_limited', {
			headers: retryAfter === null ? {} : { 'retry-after': retryAfter },
		}),
	redirect: (status, location) =>
		answer(status, undefined, 'redirected', { headers: { location } }),
	internalError: (outcome = 'failed') => answer(500, { error: 'Internal server error' }, outcome),
	// Not an HTTP answer: the server drops the connection instead of writing one.
	connectionReset: () => ({ reset: true, outcome: 'reset', createdId: undefined }),
};

module.exports = { answer, answers };
