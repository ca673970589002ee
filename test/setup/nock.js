// Unit tests talk to Metal only through nock. Its interceptor patches Node's http module, which
// outlives each test file's module registry: restore it after every file, or the next file's
// requests meet a stale interceptor.
const nock = require('nock');

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.restore());
