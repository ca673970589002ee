// n8n-core writes a config file with an encryption key into its user folder when it is first
// imported; point it at a throwaway folder instead of the developer's home. Plain JavaScript because
// the n8n lint forbids `process` and `node:*` imports in TypeScript files.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-nodes-metal-test-'));
// n8n's error reporter logs every node error; the tests assert those errors themselves.
process.env.N8N_LOG_LEVEL ??= 'silent';
