'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');

const CLI = path.join(__dirname, '../../tools/metal-simulator/cli.js');

/**
 * Runs the CLI. Resolves `ready` with the parsed first stdout line, `exited` with
 * { code, signal, stdout, stderr } once the process is gone.
 */
function runCli(args, env = {}) {
	const child = spawn(process.execPath, [CLI, ...args], {
		env: { PATH: process.env.PATH, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	const ready = new Promise((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (!stdout.includes('\n')) return;
			try {
				resolve(JSON.parse(stdout.split('\n')[0]));
			} catch (error) {
				reject(error);
			}
		});
		child.on('exit', () => reject(new Error(`cli exited before ready: ${stderr}`)));
	});
	ready.catch(() => {}); // Tests that expect an early exit do not await `ready`.
	child.stderr.on('data', (chunk) => {
		stderr += chunk;
	});
	const exited = new Promise((resolve) => {
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
	return { child, ready, exited };
}

describe('cli.js', () => {
	test.each(['SIGTERM', 'SIGINT'])(
		'prints one JSON line when ready, serves, and exits 0 on %s',
		async (signal) => {
			const run = runCli(['--port', '0', '--client-id', 'ci_cli'], {
				METAL_SIM_API_KEY: 'sk_from_env',
			});
			try {
				const ready = await run.ready;
				expect(ready).toEqual({ url: `http://127.0.0.1:${ready.port}`, port: ready.port });

				const response = await fetch(`${ready.url}/v1/keys/current`, {
					headers: { 'x-metal-client-id': 'ci_cli', 'x-metal-api-key': 'sk_from_env' },
				});
				expect(response.status).toBe(200);
				expect((await response.json()).data.clientId).toBe('ci_cli');
			} finally {
				run.child.kill(signal);
			}
			const result = await run.exited;
			expect(result).toMatchObject({ code: 0, signal: null });
			expect(result.stdout.trim().split('\n')).toHaveLength(1);
		},
	);

	test('passes knob flags through (--fail-rate, --fail-after-create)', async () => {
		const run = runCli(['--fail-rate', '1', '--fail-after-create']);
		try {
			const { url } = await run.ready;
			const response = await fetch(`${url}/v1/workspaces`, {
				method: 'POST',
				headers: {
					'x-metal-client-id': 'ci_local_simulator',
					'x-metal-api-key': 'sk_local_simulator',
					'content-type': 'application/json',
				},
				body: JSON.stringify({ name: 'Atlas' }),
			});
			expect(response.status).toBe(500);
			const stored = await (await fetch(`${url}/_sim/workspaces`)).json();
			expect(stored.data).toHaveLength(1);
		} finally {
			run.child.kill('SIGTERM');
		}
		expect((await run.exited).code).toBe(0);
	});

	test('passes the workflow-run and redirect flags through', async () => {
		const run = runCli(['--run-outcome', 'failed', '--run-duration-ms', '0', '--open-workflows']);
		try {
			const { url } = await run.ready;
			const headers = {
				'x-metal-client-id': 'ci_local_simulator',
				'x-metal-api-key': 'sk_local_simulator',
				'content-type': 'application/json',
			};
			const started = await fetch(`${url}/v1/workflows/665f1c2a9b1e4a0012a3b4c5/runs`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ input: {} }),
			});
			const { data } = await started.json();
			const polled = await fetch(`${url}/v1/workflow-runs/${data.id}`, { headers });
			expect((await polled.json()).data.status).toBe('failed');
		} finally {
			run.child.kill('SIGTERM');
		}
		expect((await run.exited).code).toBe(0);
	});

	test('passes the search and people-ids flags through', async () => {
		const run = runCli([
			'--search-page-cap',
			'2',
			'--max-people-ids',
			'1',
			'--people-ids-missing',
			'notFound',
		]);
		try {
			const { url } = await run.ready;
			const headers = {
				'x-metal-client-id': 'ci_local_simulator',
				'x-metal-api-key': 'sk_local_simulator',
				'content-type': 'application/json',
			};
			await fetch(`${url}/_sim/deals`, {
				method: 'POST',
				body: JSON.stringify([{ name: 'Orion A' }, { name: 'Orion B' }, { name: 'Orion C' }]),
			});
			const search = await fetch(`${url}/v1/deals/search`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ query: 'orion', limit: 50 }),
			});
			expect((await search.json()).metadata).toEqual({
				page: 1,
				limit: 2,
				totalCount: 3,
				totalPages: 2,
			});
			const id = '665f1c2a9b1e4a0012a3b4c5';
			const missing = await fetch(`${url}/v1/people/ids=${id}`, { headers });
			expect(missing.status).toBe(404);
			const tooMany = await fetch(`${url}/v1/people/ids=${id},${id}`, { headers });
			expect(tooMany.status).toBe(400);
		} finally {
			run.child.kill('SIGTERM');
		}
		expect((await run.exited).code).toBe(0);
	});

	test('exits 2 with the usage on an unknown flag', async () => {
		const result = await runCli(['--no-such-flag']).exited;
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('Usage: node tools/metal-simulator/cli.js');
	});

	test('exits 1 on an invalid value', async () => {
		const result = await runCli(['--fail-rate', '2']).exited;
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('failRate (option) must be a number in 0..1');
	});

	test('--help prints every flag with its env variable and exits 0', async () => {
		const result = await runCli(['--help']).exited;
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('--rate-limit <number>');
		expect(result.stdout).toContain('env METAL_SIM_RETRY_AFTER_SECONDS');
		expect(result.stdout).toContain('--trickle-ms <integer>');
		expect(result.stdout).toContain('--redirect-to <url>');
		expect(result.stdout).toContain('--run-outcome <choice>');
		expect(result.stdout).toContain('--search-page-cap <integer>');
		expect(result.stdout).toContain('env METAL_SIM_SEARCH_PAGE_CAP');
		expect(result.stdout).toContain('--max-people-ids <integer>');
		expect(result.stdout).toContain('--people-ids-missing <choice>');
		expect(result.stdout).toContain('env METAL_SIM_PEOPLE_IDS_MISSING');
	});
});
