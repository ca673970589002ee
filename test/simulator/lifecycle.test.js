'use strict';

const net = require('node:net');

const {
	startTestSimulator,
	call,
	createWorkspace,
	expectNetworkFailure,
	wait,
	waitUntil,
} = require('./helpers');

describe('lifecycle', () => {
	test('listens on 127.0.0.1 and port 0 picks a distinct free port', async () => {
		const [first, second] = await Promise.all([startTestSimulator(), startTestSimulator()]);
		try {
			expect(first.url).toBe(`http://127.0.0.1:${first.port}`);
			expect(first.port).toBeGreaterThan(0);
			expect(second.port).not.toBe(first.port);
		} finally {
			await Promise.all([first.close(), second.close()]);
		}
	});

	test('reads the port from METAL_SIM_PORT and fails when it is taken', async () => {
		const first = await startTestSimulator();
		try {
			await expect(
				startTestSimulator({ env: { METAL_SIM_PORT: String(first.port) } }),
			).rejects.toThrow(/EADDRINUSE/);
		} finally {
			await first.close();
		}
	});

	test('close() ends idle keep-alive connections and stops accepting new ones', async () => {
		const simulator = await startTestSimulator();
		// Leaves a keep-alive connection open in fetch's pool.
		expect((await call(simulator, 'GET', '/v1/keys/current')).status).toBe(200);
		const started = performance.now();
		await simulator.close();
		expect(performance.now() - started).toBeLessThan(1000);
		const refused = await fetch(`${simulator.url}/_sim/health`).catch((error) => error);
		expectNetworkFailure(refused);
		expect(refused.cause.code).toBe('ECONNREFUSED');
	});

	test('close() cuts pending slow answers short and can be called twice', async () => {
		const simulator = await startTestSimulator({ slowRate: 1, slowMs: 30_000, latencyMs: 0 });
		const pending = createWorkspace(simulator, { name: 'Never answered' }).catch((error) => error);
		await waitUntil(() => simulator.workspaces().length === 1); // Handled, answer held back.
		const started = performance.now();
		await Promise.all([simulator.close(), simulator.close()]);
		expect(performance.now() - started).toBeLessThan(1000);
		expectNetworkFailure(await pending);
	});

	test('close() cuts a pending latency delay short', async () => {
		const simulator = await startTestSimulator({ latencyMs: 30_000 });
		const pending = call(simulator, 'GET', '/v1/keys/current').catch((error) => error);
		await wait(100);
		await simulator.close();
		expectNetworkFailure(await pending);
		expect(simulator.log).toEqual([]);
	});

	test('a client that disconnects mid-body does not disturb the server', async () => {
		const simulator = await startTestSimulator();
		try {
			await new Promise((resolve, reject) => {
				const socket = net.connect(simulator.port, '127.0.0.1', () => {
					socket.write(
						'POST /v1/workspaces HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
							'content-length: 100\r\n\r\n{"na',
					);
					socket.destroy();
					resolve();
				});
				socket.on('error', reject);
			});
			await wait(20);
			expect((await call(simulator, 'GET', '/v1/keys/current')).status).toBe(200);
			expect(simulator.log).toHaveLength(1);
		} finally {
			await simulator.close();
		}
	});
});
