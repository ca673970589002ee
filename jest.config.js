/** @type {import('jest').Config} */
const shared = {
	testEnvironment: 'node',
	// n8n-core must find its user folder before it is first imported (see the file).
	setupFiles: ['<rootDir>/test/setup/n8nUserFolder.js'],
	testTimeout: 20_000,
};

module.exports = {
	projects: [
		{
			...shared,
			displayName: 'unit',
			roots: ['<rootDir>/test/unit'],
			testMatch: ['**/*.test.ts'],
			// test/tsconfig.json: the package's compiler options plus the tests (tsconfig.json is the package).
			transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
			setupFilesAfterEnv: ['<rootDir>/test/setup/nock.js'],
		},
		{
			...shared,
			displayName: 'simulator',
			roots: ['<rootDir>/test/simulator'],
			testMatch: ['**/*.test.js'],
		},
	],
};
