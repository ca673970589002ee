'use strict';
// The n8n lines the package is tested on: the newest 2.x that installs here (Node.js 24) and the
// last 1.x (Node.js 20). N8N_E2E_VERSIONS=2.41.1 narrows a run to one.
const DEFAULT_VERSIONS = ['2.41.1', '1.123.81'];

const E2E_VERSIONS = process.env.N8N_E2E_VERSIONS
	? process.env.N8N_E2E_VERSIONS.split(',').map((version) => version.trim())
	: DEFAULT_VERSIONS;

module.exports = { DEFAULT_VERSIONS, E2E_VERSIONS };
