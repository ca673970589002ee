// Checks the package as n8n will load it: run after the build. Every path in the `n8n` field exists,
// each node and credential loads from dist/ with its icons beside it, and the tarball holds dist/
// and nothing of the tests or tools. Exits non-zero with one line per problem.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const pkg = require(join(root, 'package.json'));
const problems = [];
const check = (ok, problem) => ok || problems.push(problem);

check(pkg.n8n?.n8nNodesApiVersion === 1, 'n8n.n8nNodesApiVersion must be 1');
check(pkg.n8n?.strict === true, 'n8n.strict must be true');
check(
	pkg.keywords?.includes('n8n-community-node-package'),
	'keyword n8n-community-node-package is missing',
);
check(
	!pkg.dependencies || Object.keys(pkg.dependencies).length === 0,
	'runtime dependencies are not allowed',
);
check(
	pkg.peerDependencies?.['n8n-workflow'] === '*',
	'peerDependencies must have "n8n-workflow": "*"',
);
check(
	JSON.stringify(pkg.files) === '["dist","CHANGELOG.md"]',
	'files must be ["dist", "CHANGELOG.md"]',
);

/** The icon paths of a node or credential description, resolved next to its compiled file. */
function checkIcons(file, icon) {
	for (const path of Object.values(typeof icon === 'string' ? { icon } : (icon ?? {}))) {
		const iconFile = join(dirname(file), String(path).replace(/^file:/, ''));
		check(existsSync(iconFile), `${file}: icon ${path} is not in dist`);
	}
}

/** Every operation of every resource has its output schema, where n8n's editor looks for it. */
function checkSchemas(file, description) {
	const version = `v${description.version}.0.0`;
	for (const operation of description.properties.filter((p) => p.name === 'operation')) {
		for (const resource of operation.displayOptions.show.resource) {
			for (const { value } of operation.options) {
				const schema = join(dirname(file), '__schema__', version, resource, `${value}.json`);
				check(existsSync(schema), `${file}: no output schema ${schema}`);
			}
		}
	}
}

for (const kind of ['nodes', 'credentials']) {
	for (const path of pkg.n8n?.[kind] ?? []) {
		const file = join(root, path);
		if (!existsSync(file)) {
			problems.push(`${path} is listed in package.json but was not built`);
			continue;
		}
		for (const Type of Object.values(require(file))) {
			const instance = new Type();
			const description = kind === 'nodes' ? instance.description : instance;
			checkIcons(file, description.icon);
			if (kind === 'nodes') {
				const codex = file.replace(/\.js$/, '.json');
				check(existsSync(codex), `${path}: codex file ${codex} is not in dist`);
				checkSchemas(file, description);
			}
		}
	}
}

const [packed] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
	}),
);
const stray = packed.files
	.map((file) => file.path)
	.filter(
		(path) =>
			!path.startsWith('dist/') && !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(path),
	);
check(stray.length === 0, `the tarball holds files outside dist/: ${stray.join(', ')}`);
const shipsTests = packed.files.filter((file) => /(^|\/)(test|tools)\/|\.test\./.test(file.path));
check(
	shipsTests.length === 0,
	`the tarball holds test or tool files: ${shipsTests.map((f) => f.path).join(', ')}`,
);

if (problems.length > 0) {
	for (const problem of problems) console.error(`check-package: ${problem}`);
	process.exit(1);
}
console.log(
	`check-package: ok (${packed.entryCount} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked)`,
);
