'use strict';
// A node:test reporter that writes one line, "<passed> <failed>", counting tests (not suites), to
// its destination; scripts/test.sh adds it to jest's counts for the suite's closing line.
module.exports = async function* countReporter(source) {
	let passed = 0;
	let failed = 0;
	for await (const event of source) {
		if (event.data?.details?.type === 'suite') continue;
		if (event.type === 'test:pass') passed++;
		if (event.type === 'test:fail') failed++;
	}
	yield `${passed} ${failed}\n`;
};
