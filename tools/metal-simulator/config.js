'use strict';

// One table describes every knob, so the options object, the METAL_SIM_* environment variables,
// the CLI flags and the README cannot drift apart.

const { ROUTE_NAMES } = require('./api-routes');
const { RUN_OUTCOMES } = require('./workflow-runs');

const KNOBS = [
	{
		name: 'port',
		type: 'integer',
		min: 0,
		max: 65535,
		default: 0,
		help: 'TCP port on 127.0.0.1; 0 picks a free one',
	},
	{
		name: 'clientId',
		type: 'string',
		default: 'ci_local_simulator',
		help: 'expected x-metal-client-id',
	},
	{
		name: 'apiKey',
		type: 'string',
		default: 'sk_local_simulator',
		secret: true,
		help: 'expected x-metal-api-key (prefer the env variable: flags show up in ps)',
	},
	{ name: 'latencyMs', type: 'integer', min: 0, default: 0, help: 'delay before every /v1 answer' },
	{
		name: 'rateLimit',
		type: 'number',
		min: 0,
		default: 0,
		help: 'token bucket refill, requests per second; 0 turns rate limiting off',
	},
	{
		name: 'burst',
		type: 'integer',
		min: 1,
		default: null,
		help: 'token bucket size; default max(1, ceil(rateLimit))',
	},
	{
		name: 'retryAfterSeconds',
		type: 'number',
		min: 0,
		default: null,
		help: 'send Retry-After on 429, in seconds (decimals allowed; Metal documents none, so off by default)',
	},
	{
		name: 'retryAfterHttpDate',
		type: 'boolean',
		default: false,
		help: 'send Retry-After as an HTTP date retryAfterSeconds ahead instead of a number of seconds',
	},
	{ name: 'failRate', type: 'number', min: 0, max: 1, default: 0, help: 'share of 500 answers' },
	{
		name: 'failAfterCreate',
		type: 'boolean',
		default: false,
		help: 'run the handler (store the record or apply the update) before answering 500',
	},
	{
		name: 'resetRate',
		type: 'number',
		min: 0,
		max: 1,
		default: 0,
		help: 'share of connections reset without an answer',
	},
	{
		name: 'resetAfterCreate',
		type: 'boolean',
		default: false,
		help: 'run the handler (store the record or apply the update) before resetting',
	},
	{
		name: 'slowRate',
		type: 'number',
		min: 0,
		max: 1,
		default: 0,
		help: 'share of answers held back by slowMs (after the handler ran)',
	},
	{ name: 'slowMs', type: 'integer', min: 0, default: 5000, help: 'extra delay of a slow answer' },
	{
		name: 'faultRoutes',
		type: 'list',
		allowed: ROUTE_NAMES,
		default: null,
		help: `routes that faults may hit (comma-separated: ${ROUTE_NAMES.join(', ')}); default all`,
	},
	{
		name: 'trickleMs',
		type: 'integer',
		min: 0,
		default: 0,
		help: 'write the body of every non-/_sim answer one byte every this many ms (0: at once)',
	},
	{
		name: 'redirectTo',
		type: 'url',
		default: null,
		help: 'answer every /v1 request with a redirect to this base URL plus the request path and query',
	},
	{
		name: 'redirectStatus',
		type: 'integer',
		allowed: [301, 302, 303, 307, 308],
		default: 302,
		help: 'status of the redirectTo answers (301, 302, 303, 307 or 308)',
	},
	{
		name: 'runDurationMs',
		type: 'integer',
		min: 0,
		default: 2000,
		help: 'how long a workflow run stays running before it ends (a seeded workflow may say otherwise)',
	},
	{
		name: 'runOutcome',
		type: 'choice',
		allowed: RUN_OUTCOMES,
		default: 'completed',
		help: `how a workflow run ends (${RUN_OUTCOMES.join(', ')}; a seeded workflow may say otherwise)`,
	},
	{
		name: 'runStatusCase',
		type: 'choice',
		allowed: ['lower', 'upper'],
		default: 'lower',
		help: 'case of workflow run statuses ("running" or "RUNNING"; Metal\'s sample compares in lower case)',
	},
	{
		name: 'openWorkflows',
		type: 'boolean',
		default: false,
		help: 'start runs of any 24-hex workflow id, not only of seeded workflows (else 404)',
	},
	{
		name: 'revokeAfter',
		type: 'integer',
		min: 0,
		default: null,
		help: 'after this many requests with the right key, the key answers 401',
	},
	{
		name: 'seed',
		type: 'integer',
		min: 0,
		max: 0xffffffff,
		default: 1,
		help: 'seed of the fault PRNG (same seed + same request order = same faults)',
	},
	{
		name: 'maxNameLength',
		type: 'integer',
		min: 1,
		default: null,
		help: 'answer 400 to a workspace name longer than this (Metal documents no limit; for tests)',
	},
	{
		name: 'searchStarMatchesAll',
		type: 'boolean',
		default: false,
		help: 'let the search query "*" match every record of a search (real Metal behaviour unknown)',
	},
	{
		name: 'searchPageCap',
		type: 'integer',
		min: 1,
		default: 20,
		help: 'largest page a search answers: a bigger limit gets pages this size (metadata.limit says so)',
	},
	{
		name: 'maxPeopleIds',
		type: 'integer',
		min: 1,
		default: 100,
		help: 'most ids GET /v1/people/ids={ids} takes; more is a 400 (Metal documents no limit)',
	},
	{
		name: 'peopleIdsMissing',
		type: 'choice',
		allowed: ['omit', 'notFound'],
		default: 'omit',
		help: 'unknown ids in GET /v1/people/ids={ids}: left out of data (omit) or a 404 (notFound)',
	},
	{
		name: 'logFile',
		type: 'string',
		default: null,
		help: 'append one JSON line per /v1 request to this file',
	},
];

for (const knob of KNOBS) {
	knob.flag = knob.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
	knob.env = `METAL_SIM_${knob.name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

function invalid(knob, source, value, expectation) {
	// Error messages end up in terminals and CI logs: never echo a secret, even a malformed one.
	const shown = knob.secret ? '[redacted]' : JSON.stringify(value);
	return new TypeError(
		`metal-simulator: ${knob.name} (${source}) must be ${expectation}, got ${shown}`,
	);
}

function coerceNumber(knob, value, source) {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const isInteger = knob.type === 'integer';
	const bounds = `${knob.min ?? '-inf'}..${knob.max ?? 'inf'}`;
	const expectation = `${isInteger ? 'an integer' : 'a number'} in ${bounds}`;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw invalid(knob, source, value, expectation);
	}
	if (isInteger && !Number.isInteger(number)) throw invalid(knob, source, value, expectation);
	if (knob.allowed && !knob.allowed.includes(number)) {
		throw invalid(knob, source, value, `one of ${knob.allowed.join(', ')}`);
	}
	if (knob.min !== undefined && number < knob.min) throw invalid(knob, source, value, expectation);
	if (knob.max !== undefined && number > knob.max) throw invalid(knob, source, value, expectation);
	return number;
}

function coerceBoolean(knob, value, source) {
	if (typeof value === 'boolean') return value;
	const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (TRUE_WORDS.has(word)) return true;
	if (FALSE_WORDS.has(word)) return false;
	throw invalid(knob, source, value, 'a boolean');
}

function coerceList(knob, value, source) {
	const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
	const expectation = `a list of ${knob.allowed.join(', ')}`;
	if (!Array.isArray(items) || items.some((item) => !knob.allowed.includes(item))) {
		throw invalid(knob, source, value, expectation);
	}
	return [...new Set(items)];
}

function coerceChoice(knob, value, source) {
	const word = typeof value === 'string' ? value.trim() : value;
	if (!knob.allowed.includes(word)) {
		throw invalid(knob, source, value, `one of ${knob.allowed.join(', ')}`);
	}
	return word;
}

/** A base URL: http(s), no query or fragment; kept without a trailing slash. */
function coerceUrl(knob, value, source) {
	let url;
	try {
		url = typeof value === 'string' ? new URL(value.trim()) : undefined;
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
		throw invalid(knob, source, value, 'an http or https URL without query or fragment');
	}
	return value.trim().replace(/\/+$/, '');
}

// Options may hold typed values or strings (CLI flags arrive as strings); env always holds strings.
function coerce(knob, value, source) {
	if (value === null) return null;
	switch (knob.type) {
		case 'integer':
		case 'number':
			return coerceNumber(knob, value, source);
		case 'boolean':
			return coerceBoolean(knob, value, source);
		case 'list':
			return coerceList(knob, value, source);
		case 'choice':
			return coerceChoice(knob, value, source);
		case 'url':
			return coerceUrl(knob, value, source);
		default:
			if (typeof value !== 'string' || value === '') {
				throw invalid(knob, source, value, 'a non-empty string');
			}
			return value;
	}
}

/**
 * Merges explicit options over METAL_SIM_* variables over defaults, validating each value.
 * Unknown option names throw, so a typo such as `failrate` cannot silently do nothing.
 */
function resolveConfig(options = {}, env = {}) {
	const known = new Set(KNOBS.map((knob) => knob.name));
	for (const name of Object.keys(options)) {
		if (!known.has(name)) throw new TypeError(`metal-simulator: unknown option "${name}"`);
	}
	const config = {};
	for (const knob of KNOBS) {
		if (options[knob.name] !== undefined) {
			config[knob.name] = coerce(knob, options[knob.name], 'option');
		} else if (env[knob.env] !== undefined && env[knob.env] !== '') {
			config[knob.name] = coerce(knob, env[knob.env], knob.env);
		} else {
			config[knob.name] = knob.default;
		}
	}
	if (config.failRate + config.resetRate + config.slowRate > 1) {
		throw new TypeError('metal-simulator: failRate + resetRate + slowRate must not exceed 1');
	}
	if (config.retryAfterHttpDate && config.retryAfterSeconds === null) {
		throw new TypeError('metal-simulator: retryAfterHttpDate needs retryAfterSeconds');
	}
	if (config.burst === null && config.rateLimit > 0) {
		config.burst = Math.max(1, Math.ceil(config.rateLimit));
	}
	return Object.freeze(config);
}

module.exports = { KNOBS, ROUTE_NAMES, resolveConfig };
