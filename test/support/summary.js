'use strict';
// Prints the suite's closing line, "N passed, M failed", from jest's JSON report and the count
// files of test/support/countReporter.js: node test/support/summary.js jest.json a.count b.count
const fs = require('node:fs');

const [jestReport, ...countFiles] = process.argv.slice(2);
const jest = JSON.parse(fs.readFileSync(jestReport, 'utf8'));
let passed = jest.numPassedTests;
let failed = jest.numFailedTests;
for (const file of countFiles) {
	const [filePassed, fileFailed] = fs.readFileSync(file, 'utf8').trim().split(' ').map(Number);
	passed += filePassed;
	failed += fileFailed;
}
console.log(`${passed} passed, ${failed} failed`);
