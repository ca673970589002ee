'use strict';

// A body larger than this is answered as invalid rather than buffered: workspace bodies are tiny.
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body; keeps draining past the limit so the answer still arrives. */
async function readBody(req) {
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size <= MAX_BODY_BYTES) chunks.push(chunk);
	}
	return { raw: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES };
}

function isJsonContentType(header) {
	return (header ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Parses a JSON request body. `error` names why there is no usable body; the routes that take a
 * body answer 400 for any of them, and the request log keeps the reason for debugging.
 */
function parseJsonBody(req, { raw, tooLarge }) {
	if (tooLarge) return { body: undefined, error: 'too_large' };
	if (raw === '') return { body: undefined, error: 'empty' };
	if (!isJsonContentType(req.headers['content-type'])) {
		return { body: undefined, error: 'not_json_content_type' };
	}
	try {
		return { body: JSON.parse(raw), error: undefined };
	} catch {
		return { body: undefined, error: 'invalid_json' };
	}
}

function sendJson(res, status, body, headers = {}) {
	if (body === undefined) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(payload),
		...headers,
	});
	res.end(payload);
}

module.exports = { MAX_BODY_BYTES, readBody, parseJsonBody, sendJson };
