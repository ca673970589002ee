'use strict';
// A minimal MCP client (JSON-RPC 2.0 over the Streamable HTTP transport) for n8n's MCP Server
// Trigger: what an AI agent outside n8n (Claude Desktop, an IDE...) does to list and call the tools
// connected to the trigger. n8n answers each POST as a server-sent event stream (or plain JSON);
// the session id comes back in the `mcp-session-id` header of the initialize answer.

const { sleep } = require('../../support/processGroups');

const ACCEPT = 'application/json, text/event-stream';

/** The JSON-RPC message of an answer: a JSON body, or the one `data:` line of an event stream. */
function messageOf(response) {
	if (response.body && typeof response.body === 'object') return response.body;
	const data = String(response.body)
		.split('\n')
		.filter((line) => line.startsWith('data:'))
		.map((line) => JSON.parse(line.slice('data:'.length)));
	if (data.length !== 1) {
		throw new Error(`expected one JSON-RPC message, got ${response.status}: ${response.body}`);
	}
	return data[0];
}

class McpClient {
	/** server: an N8nServer; path: the trigger's URL path, such as /mcp/metal-tools. */
	constructor(server, path) {
		this.server = server;
		this.path = path;
		this.session = undefined;
		this.nextId = 1;
	}

	async post(message) {
		const headers = { accept: ACCEPT };
		if (this.session) headers['mcp-session-id'] = this.session;
		return await this.server.request('POST', this.path, message, { headers, timeoutMs: 60000 });
	}

	/**
	 * Opens a session (initialize, then notifications/initialized), retrying while n8n has not
	 * registered the trigger's webhook yet. Resolves with the server's initialize result.
	 */
	async connect({ timeoutMs = 60000 } = {}) {
		const initialize = {
			jsonrpc: '2.0',
			id: this.nextId++,
			method: 'initialize',
			params: {
				protocolVersion: '2025-03-26',
				capabilities: {},
				clientInfo: { name: 'n8n-nodes-metal-e2e', version: '1.0.0' },
			},
		};
		const deadline = Date.now() + timeoutMs;
		let response = await this.post(initialize);
		while (response.status !== 200) {
			if (Date.now() > deadline) {
				throw new Error(`MCP initialize answered ${response.status}: ${response.body}`);
			}
			await sleep(250);
			response = await this.post(initialize);
		}
		this.session = response.headers.get('mcp-session-id');
		if (!this.session) throw new Error('MCP initialize answered without an mcp-session-id');
		const initialized = await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
		if (initialized.status !== 202) {
			throw new Error(`notifications/initialized answered ${initialized.status}`);
		}
		return messageOf(response).result;
	}

	/** A request in the session; resolves with its JSON-RPC result, throws on a JSON-RPC error. */
	async request(method, params) {
		const response = await this.post({ jsonrpc: '2.0', id: this.nextId++, method, params });
		const message = messageOf(response);
		if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
		return message.result;
	}

	/** tools/list: [{ name, description, inputSchema }]. */
	async listTools() {
		return (await this.request('tools/list', {})).tools;
	}

	/** tools/call: { content: [{ type: 'text', text }], isError? }, as the agent receives it. */
	async callTool(name, args) {
		return await this.request('tools/call', { name, arguments: args });
	}
}

module.exports = { McpClient };
