'use strict';

// Strict on purpose: the simulator exists to catch a client that sends a wrong type or a field
// Metal does not know, so anything outside the documented schema is a 400.

const CREATE_WORKSPACE_FIELDS = new Set(['name', 'company', 'isPrivate']);
const SEARCH_FIELDS = new Set(['query', 'page', 'limit']);

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyFields(body, allowed) {
	return Object.keys(body).every((key) => allowed.has(key));
}

function isNonBlankString(value) {
	return typeof value === 'string' && value.trim() !== '';
}

/**
 * Returns the WorkspaceCreate fields, or undefined when the body is invalid. `maxNameLength` (null
 * for none) lets a test provoke Metal's 400 with a body the node itself accepts.
 */
function parseCreateWorkspaceBody(body, maxNameLength = null) {
	if (!isPlainObject(body) || !hasOnlyFields(body, CREATE_WORKSPACE_FIELDS)) return undefined;
	const { name, company, isPrivate } = body;
	if (!isNonBlankString(name)) return undefined;
	if (maxNameLength !== null && name.length > maxNameLength) return undefined;
	if (company !== undefined && typeof company !== 'string') return undefined;
	if (isPrivate !== undefined && typeof isPrivate !== 'boolean') return undefined;
	return { name, company, isPrivate };
}

/** Returns { query, page, limit } with the documented defaults, or undefined when invalid. */
function parseSearchBody(body) {
	if (!isPlainObject(body) || !hasOnlyFields(body, SEARCH_FIELDS)) return undefined;
	const { query, page = 1, limit = 20 } = body;
	if (!isNonBlankString(query)) return undefined;
	if (!Number.isInteger(page) || page < 1) return undefined;
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) return undefined;
	return { query, page, limit };
}

module.exports = { parseCreateWorkspaceBody, parseSearchBody };
