/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// n8n-core must find its user folder before it is first imported (see the file).
	setupFiles: ['<rootDir>/test/setup/n8nUserFolder.js'],
	testTimeout: 20_000,
};
