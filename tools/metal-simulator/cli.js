#!/usr/bin/env node
'use strict';

// Starts the simulator from a shell or a test script. stdout carries exactly one JSON line,
// {"url":...,"port":...}, once the server listens, so a caller can wait for that line and parse
// it; everything else goes to stderr.

const { parseArgs } = require('node:util');

const { KNOBS } = require('./config');
const { startSimulator } = require('./server');

function usage() {
	const lines = KNOBS.map((knob) => {
		const flag = knob.type === 'boolean' ? `--${knob.flag}` : `--${knob.flag} <${knob.type}>`;
		const fallback = knob.default === null ? '' : ` (default ${JSON.stringify(knob.default)})`;
		return `  ${flag.padEnd(32)} ${knob.help}${fallback}\n  ${''.padEnd(32)} env ${knob.env}`;
	});
	return [
		'Usage: node tools/metal-simulator/cli.js [flags]',
		'',
		'Local Metal API simulator (development and tests only). Flags win over env variables.',
		'',
		...lines,
		`  ${'--help'.padEnd(32)} show this help`,
		'',
	].join('\n');
}

function parseFlags(argv) {
	const flagOptions = { help: { type: 'boolean' } };
	for (const knob of KNOBS) {
		flagOptions[knob.flag] = { type: knob.type === 'boolean' ? 'boolean' : 'string' };
	}
	const { values } = parseArgs({ args: argv, options: flagOptions, strict: true });
	const options = {};
	for (const knob of KNOBS) {
		if (values[knob.flag] !== undefined) options[knob.name] = values[knob.flag];
	}
	return { help: values.help === true, options };
}

async function main(argv) {
	let parsed;
	try {
		parsed = parseFlags(argv);
	} catch (error) {
		process.stderr.write(`${error.message}\n\n${usage()}`);
		process.exitCode = 2;
		return;
	}
	if (parsed.help) {
		process.stdout.write(usage());
		return;
	}

	let simulator;
	try {
		simulator = await startSimulator({ ...parsed.options, env: process.env });
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 1;
		return;
	}

	let stopping = false;
	const stop = (signal) => {
		if (stopping) {
			// A second Ctrl-C means "now", even if closing hangs.
			process.exit(130);
		}
		stopping = true;
		process.stderr.write(`metal-simulator: ${signal} received, closing\n`);
		simulator.close().then(
			() => {
				process.removeListener('SIGINT', stop);
				process.removeListener('SIGTERM', stop);
			},
			(error) => {
				process.stderr.write(`metal-simulator: close failed: ${error.message}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	process.stdout.write(`${JSON.stringify({ url: simulator.url, port: simulator.port })}\n`);
}

void main(process.argv.slice(2));
