'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { API_ROUTES, ROUTE_NAMES } = require('../../tools/metal-simulator/api-routes');
const { KNOBS } = require('../../tools/metal-simulator/config');

const README = fs.readFileSync(
	path.join(__dirname, '../../tools/metal-simulator/README.md'),
	'utf8',
);

/** The first cells of the rows of the table whose header starts with `header`. */
function firstCells(header) {
	const lines = README.split('\n');
	const start = lines.findIndex((line) => line.startsWith(`| ${header}`));
	const rows = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		rows.push(line.split('|').map((cell) => cell.trim()));
	}
	return rows;
}

describe('the README stays exact', () => {
	test('its route table lists every route, in the order they are matched', () => {
		expect(firstCells('Route ').map(([, route]) => route)).toEqual(
			API_ROUTES.map((route) => `\`${route.method} ${route.path}\``),
		);
	});

	test('its route names are the names faultRoutes takes', () => {
		const paragraph = README.slice(README.indexOf('Route names (for `faultRoutes`)'));
		const names = paragraph.slice(0, paragraph.indexOf('\n\n')).match(/`\w+`/g).slice(1);
		expect(names.map((name) => name.slice(1, -1))).toEqual(ROUTE_NAMES);
	});

	test('its knobs table lists every knob with its flag and env variable, in order', () => {
		expect(firstCells('Option ').map(([, option, flag, env]) => [option, flag, env])).toEqual(
			KNOBS.map((knob) => [`\`${knob.name}\``, `\`--${knob.flag}\``, `\`${knob.env}\``]),
		);
	});
});
