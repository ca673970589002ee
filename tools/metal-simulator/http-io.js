'use strict';

const { setTimeout: sleep } = require('node:timers/promises');

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

/**
 * Writes a JSON answer (no body when `body` is undefined). With `trickleMs`, the headers go out at
 * once and the body follows one byte every `trickleMs` ms, as from a stalling proxy, until it is
 * complete, the client goes away or `signal` aborts.
 */
async function sendJson(res, status, body, headers = {}, { trickleMs = 0, signal } = {}) {
	if (body === undefined) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	const payload = Buffer.from(JSON.stringify(body));
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': payload.length,
		...headers,
	});
	if (trickleMs === 0) {
		res.end(payload);
		return;
	}
	res.flushHeaders();
	// A client that gives up (its own deadline) ends the trickle at once, not at the next byte.
	const gone = new AbortController();
	res.once('close', () => gone.abort());
	const stop = signal ? AbortSignal.any([signal, gone.signal]) : gone.signal;
	for (let offset = 0; offset < payload.length; offset += 1) {
		if (offset > 0) {
			try {
				await sleep(trickleMs, undefined, { signal: stop });
			} catch (error) {
				if (gone.signal.aborted) return;
				throw error;
			}
		}
		res.write(payload.subarray(offset, offset + 1));
	}
	res.end();
}

module.exports = { MAX_BODY_BYTES, readBody, parseJsonBody, sendJson };
