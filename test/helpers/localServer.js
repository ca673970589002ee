'use strict';
// A real HTTP server on 127.0.0.1 for what nock's socket emulation hides: answers that trickle in
// byte by byte, redirects to another port, requests that hang. Plain JavaScript, because the n8n lint
// forbids timers and node:* imports in TypeScript files.
const http = require('node:http');

/**
 * Starts a server that answers every request with `handler(req, res, body)`. Resolves to
 * { url, requests (method, url, headers, body of each), close() }.
 */
async function startLocalServer(handler) {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			requests.push({ method: req.method, url: req.url, headers: req.headers, body });
			handler(req, res, body);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Answers `status` with a JSON body that arrives one byte every `everyMs` milliseconds. */
function trickle(status, json, everyMs) {
	return (req, res) => {
		const bytes = Buffer.from(JSON.stringify(json));
		res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
		let sent = 0;
		const timer = setInterval(() => {
			if (res.destroyed || sent >= bytes.length) {
				clearInterval(timer);
				if (!res.destroyed) res.end();
				return;
			}
			res.write(bytes.subarray(sent, sent + 1));
			sent += 1;
		}, everyMs);
		res.on('close', () => clearInterval(timer));
	};
}

/** Answers `status` with a Location header. */
function redirect(status, location) {
	return (req, res) => {
		res.writeHead(status, { location, 'content-type': 'application/json' });
		res.end('{}');
	};
}

/** Answers `status` with `json`, at once. */
function json(status, body, headers = {}) {
	return (req, res) => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(JSON.stringify(body));
	};
}

module.exports = { startLocalServer, trickle, redirect, json };
