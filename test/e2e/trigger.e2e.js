'use strict';
// The Metal Trigger activated in a real n8n, on every line in N8N_E2E_VERSIONS (issue 11, "Proof"):
// one workflow per event (New Deal, New Company, Deal Stage or Status Changed), activated over REST
// on a running n8n; records are added and changed at the local simulator while n8n polls; the
// executions n8n records must hold exactly the expected events, once each, through a Metal outage
// and an n8n restart. Run with `node --test --test-concurrency=1 test/e2e/trigger.e2e.js` after
// `npm run build`.

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');

const { startSimulator } = require('../../tools/metal-simulator/server');
const {
	CREDENTIAL,
	PACKAGE_NAME,
	SIMULATOR_KEYS,
	packPackage,
	startMetalStack,
} = require('./lib/metalStack');
const { E2E_VERSIONS } = require('./lib/versions');

const tarball = packPackage();
const TRIGGER = 'Metal Trigger';
const EVERY_SECONDS = 3;
/**
 * n8n refuses Poll Times that fire more often than once a minute ("The polling interval is too
 * short"): a "*" in the seconds, and on 2.x a list of seconds too (TOO_OFTEN, asserted below).
 * Several entries of one fixed second each pass on both lines: together they poll every
 * EVERY_SECONDS seconds.
 */
const TOO_OFTEN = { trigEvery3s: '*/3 * * * * *', trigSecondsList: '0,20,40 * * * * *' };
const FAST_POLL_TIMES = {
	item: Array.from({ length: 60 / EVERY_SECONDS }, (_, n) => ({
		mode: 'custom',
		cronExpression: `${n * EVERY_SECONDS} * * * * *`,
	})),
};

/**
 * Each event in its own workflow; `firstPage` is the request that starts each of its polls.
 * Workflow ids of at most 16 characters: n8n saves no static data for a longer id (1.x; 21 on 2.x).
 */
const EVENTS = {
	newDeal: { workflowId: 'trigNewDeal', firstPage: '/v1/deals?limit=20' },
	newCompany: { workflowId: 'trigNewCompany', firstPage: '/v1/companies?limit=20' },
	dealStageOrStatusChanged: { workflowId: 'trigDealStage', firstPage: '/v1/deals?limit=1000' },
};
const EVENT_NAMES = Object.keys(EVENTS);

function triggerWorkflow(event, pollTimes = FAST_POLL_TIMES, id = EVENTS[event].workflowId) {
	return {
		id,
		name: id,
		nodes: [
			{
				id: `${id}-trigger`,
				name: TRIGGER,
				type: `${PACKAGE_NAME}.metalTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { event, pollTimes },
				credentials: { metalApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		],
		connections: {},
	};
}

/** A poll that failed, as n8n records it: the Metal node's words after 5 tries. */
const SERVER_ERROR = {
	status: 'error',
	message: 'Metal answered with a server error (500): Internal server error',
	description:
		'Metal kept failing after 5 tries. Try again later, and contact support@metal.ai if it persists.',
};

/** A stage-change event as the trigger emits it. */
const change = (deal, [previousStage, previousStatus]) => ({ deal, previousStage, previousStatus });

for (const version of E2E_VERSIONS) {
	describe(`Metal Trigger in n8n ${version}`, () => {
		let stack;
		let server;
		/** The simulator n8n talks to now (it is replaced, on the same port, for an outage). */
		let metal;
		let port;
		/** Ids from one generator, so that ids sort by creation across simulators. */
		let newId;
		/** Per event, the items of every execution n8n should have recorded, in order. */
		const expected = Object.fromEntries(EVENT_NAMES.map((event) => [event, []]));
		const timings = {};
		let tooOften;

		const seed = (resource, records) =>
			metal.seed(
				resource,
				records.map((record) => ({ id: newId(), ...record })),
			);
		const deal = (name, stage = 'SOURCED', status = 'ACTIVE') => ({ name, stage, status });
		const company = (name) => ({ name });
		const pairOf = ({ stage, status }) => [stage, status];

		/**
		 * Waits until each trigger has started `count` polls at or after `since` (a poll is skipped
		 * while the one before runs, so the one before a started poll has ended), then until n8n has
		 * finished every execution those polls started.
		 */
		async function polled(since, count = 2) {
			const started = Date.now();
			const pollsOf = (event) =>
				metal.log.filter(
					(entry) =>
						entry.path === EVENTS[event].firstPage &&
						entry.status !== 500 &&
						Date.parse(entry.time) >= since,
				).length;
			await server.waitFor(async () => EVENT_NAMES.every((event) => pollsOf(event) >= count), {
				timeoutMs: (count + 4) * EVERY_SECONDS * 1000 + 20000,
				what: `${count} polls of each trigger`,
			});
			await server.waitFor(
				async () => {
					for (const event of EVENT_NAMES) {
						const executions = await server.executions(EVENTS[event].workflowId);
						if (executions.some((e) => ['new', 'running'].includes(e.status))) return false;
					}
					return true;
				},
				{ what: 'the executions to finish' },
			);
			return Date.now() - started;
		}

		/**
		 * Activates two workflows whose Poll Times fire more often than once a minute; resolves with a
		 * function that resolves with n8n's refusal of each (undefined: activated). n8n 1.x answers the
		 * activation with it; 2.x publishes in the background, retrying for about 15 s, so its answer is
		 * read from the publication status at the end of the suite.
		 */
		async function activateTooOften() {
			await stack.n8n.importWorkflows(
				Object.entries(TOO_OFTEN).map(([id, cronExpression]) =>
					triggerWorkflow('newDeal', { item: [{ mode: 'custom', cronExpression }] }, id),
				),
			);
			const answers = {};
			for (const id of Object.keys(TOO_OFTEN)) {
				answers[id] = await server.activateWorkflow(id).then(
					() => undefined,
					(error) => error.response.body.message,
				);
			}
			if (stack.n8n.install.major < 2) {
				for (const [id, refusal] of Object.entries(answers)) {
					if (refusal === undefined) await server.deactivateWorkflow(id);
				}
				return async () => answers;
			}
			return async () => {
				const refusals = {};
				for (const id of Object.keys(TOO_OFTEN)) {
					let publication;
					await server.waitFor(
						async () => {
							publication = await server.rest('GET', `/workflows/${id}/publication-status`);
							return publication.status !== 'in_progress';
						},
						{ timeoutMs: 60000, intervalMs: 1000, what: `the publication of ${id}` },
					);
					refusals[id] = publication.triggers.map((trigger) => trigger.errorMessage).join('\n');
				}
				return refusals;
			};
		}

		/** Per event, the items of each execution the trigger started, and its failed polls. */
		async function recorded() {
			const result = {};
			for (const event of EVENT_NAMES) {
				const executions = (await server.executions(EVENTS[event].workflowId)).filter(
					(execution) => execution.mode === 'trigger',
				);
				const runs = [];
				const failures = [];
				for (const { id, status } of executions) {
					const { run } = await server.execution(id);
					if (status === 'success') {
						runs.push(run.resultData.runData[TRIGGER][0].data.main[0].map((item) => item.json));
					} else {
						const { message, description } = run.resultData.error ?? {};
						failures.push({ status, message, description });
					}
				}
				result[event] = { runs, failures };
			}
			return result;
		}

		/** Per event, how many of its polls n8n recorded as failed (the outage's). */
		const failedPolls = Object.fromEntries(EVENT_NAMES.map((event) => [event, 0]));

		async function assertEvents(label) {
			const actual = await recorded();
			for (const event of EVENT_NAMES) {
				assert.deepEqual(actual[event].runs, expected[event], `${label}: ${event}`);
				assert.equal(actual[event].failures.length, failedPolls[event], `${label}: ${event}`);
			}
			return actual;
		}

		before(async () => {
			stack = await startMetalStack({ version, tarball });
			metal = stack.simulator;
			port = metal.port;
			newId = metal.objectId;
			await stack.n8n.importWorkflows(EVENT_NAMES.map((event) => triggerWorkflow(event)));
			const t = Date.now();
			server = await stack.n8n.start();
			await server.ensureLoggedIn();
			timings.startMs = Date.now() - t;
			tooOften = await activateTooOften();
		});

		after(async () => {
			console.log(`n8n ${version} trigger e2e timings: ${JSON.stringify(timings)}`);
			await stack?.stop();
			await metal?.close();
		});

		// The deals and companies Metal holds before the workflows are activated.
		let dealA;
		let dealB;
		let dealC;
		let dealD;
		let kepler;

		test('activation records where Metal stands and emits nothing, on any poll after it', async () => {
			[dealA, dealB, dealC, dealD] = seed('deals', [
				deal('Atlas'),
				deal('Borealis', 'SCREENED'),
				deal('Cygnus', 'DUE_DILIGENCE'),
				deal('Draco', 'SOURCED', 'PASSED_DEAD'),
			]);
			const companies = seed('companies', [company('Acme'), company('Globex')]);

			const t = Date.now();
			for (const event of EVENT_NAMES) await server.activateWorkflow(EVENTS[event].workflowId);
			timings.activateMs = Date.now() - t;
			// One poll at activation, then the Poll Times.
			timings.firstPollsMs = await polled(t, 3);

			await assertEvents('after activation');
			// What n8n saved in the workflows after the activation poll: where each trigger stands (the
			// overlap window below the newest record, and the records in it), every deal's pair.
			const saved = {};
			for (const event of EVENT_NAMES) {
				const { staticData } = await server.rest('GET', `/workflows/${EVENTS[event].workflowId}`);
				saved[event] = staticData;
			}
			const watermark = (records) => {
				const ids = records.map((record) => record.id).sort();
				return { after: overlapFloor(ids[ids.length - 1]), seen: ids };
			};
			const deals = [dealA, dealB, dealC, dealD];
			const stage = saved.dealStageOrStatusChanged[`node:${TRIGGER}`];
			assert.deepEqual(saved, {
				newDeal: { [`node:${TRIGGER}`]: { version: 1, event: 'newDeal', ...watermark(deals) } },
				newCompany: {
					[`node:${TRIGGER}`]: { version: 1, event: 'newCompany', ...watermark(companies) },
				},
				dealStageOrStatusChanged: {
					[`node:${TRIGGER}`]: {
						version: 1,
						event: 'dealStageOrStatusChanged',
						pairs: stage.pairs,
						deals: stage.deals,
					},
				},
			});
			assert.deepEqual([...stage.pairs].sort(), deals.map(pairOf).sort());
			// 8 characters a deal.
			assert.equal(stage.deals.length, 4 * 8);
		});

		test('several new deals and companies between two polls arrive in one execution, oldest first', async () => {
			const t = Date.now();
			const deals = seed('deals', [deal('Eridanus'), deal('Fornax'), deal('Gemini')]);
			const companies = seed('companies', [company('Initech'), company('Umbrella')]);
			expected.newDeal.push(deals);
			expected.newCompany.push(companies);
			// New deals are no stage changes.
			timings.newRecordsMs = await polled(t);
			await assertEvents('new records');
		});

		test('a deal that becomes visible late (an id older than the newest) arrives once', async () => {
			const t = Date.now();
			const newest = metal.records('deals').reduce((a, b) => (a.id > b.id ? a : b));
			const [late] = seed('deals', [{ id: newId(Date.now() - 40000), ...deal('Hydra') }]);
			assert.ok(late.id < newest.id);
			expected.newDeal.push([late]);
			timings.lateMs = await polled(t);
			await assertEvents('late deal');
		});

		test('a stage change, a status change and both at once: one event each; other edits none', async () => {
			const t = Date.now();
			const before = [dealA, dealB, dealC].map(pairOf);
			const a = metal.change('deals', dealA.id, { stage: 'SCREENED' });
			const b = metal.change('deals', dealB.id, { status: 'PASSED_DEAD' });
			const c = metal.change('deals', dealC.id, { stage: 'IC_MEETING', status: 'CLOSED' });
			// Not changes of stage or status.
			metal.change('deals', dealD.id, { name: 'Draco II' });
			metal.change('deals', dealD.id, { stage: dealD.stage });
			[dealA, dealB, dealC] = [a, b, c];
			expected.dealStageOrStatusChanged.push([
				change(a, before[0]),
				change(b, before[1]),
				change(c, before[2]),
			]);
			timings.stageChangesMs = await polled(t);
			await assertEvents('stage changes');
		});

		test('no change: nothing, however many polls', async () => {
			timings.quietMs = await polled(Date.now(), 3);
			await assertEvents('no change');
		});

		test('Metal answering 500 for a while, then back: nothing lost, nothing twice', async () => {
			// Metal's records, kept while the simulator is replaced by one that fails every request.
			const held = { deals: metal.records('deals'), companies: metal.records('companies') };
			await metal.close();
			metal = await startSimulator({ env: {}, ...SIMULATOR_KEYS, port, failRate: 1 });
			const t = Date.now();
			// What happens in Metal meanwhile.
			const indus = { id: newId(), ...deal('Indus') };
			const hooli = { id: newId(), name: 'Hooli', ...timestamps() };
			const movedA = { ...dealA, stage: 'DUE_DILIGENCE' };
			held.deals = held.deals.map((d) => (d.id === dealA.id ? movedA : d)).concat(indus);
			held.companies.push(hooli);
			try {
				// Every trigger's poll fails (after the client's retries) and n8n records the error.
				await server.waitFor(
					async () => {
						const actual = await recorded();
						return EVENT_NAMES.every((event) => actual[event].failures.length >= 1);
					},
					{ timeoutMs: 90000, intervalMs: 1000, what: 'a failed poll of each trigger' },
				);
				timings.outageMs = Date.now() - t;
				const during = await recorded();
				for (const event of EVENT_NAMES) {
					assert.deepEqual(during[event].runs, expected[event], `during the outage: ${event}`);
				}
			} finally {
				await metal.close();
				metal = await startSimulator({ env: {}, ...SIMULATOR_KEYS, port });
				// Seeded before any request can reach it (no await in between).
				metal.seed('deals', held.deals);
				metal.seed('companies', held.companies);
			}
			assert.equal(metal.log.length, 0);
			expected.newDeal.push([indus]);
			expected.newCompany.push([hooli]);
			expected.dealStageOrStatusChanged.push([change(movedA, pairOf(dealA))]);
			dealA = movedA;
			timings.recoveryMs = await polled(Date.now());
			const failed = await recorded();
			for (const event of EVENT_NAMES) {
				const { failures } = failed[event];
				// One failed poll, or two when the other triggers' polls took longer to give up.
				assert.ok(failures.length >= 1 && failures.length <= 2, `${event}: ${failures.length}`);
				assert.deepEqual(failures, Array(failures.length).fill(SERVER_ERROR), event);
				failedPolls[event] = failures.length;
			}
			timings.failedPolls = { ...failedPolls };
			await assertEvents('after the outage');
		});

		test('across an n8n restart: what changed while n8n was down arrives once; nothing again', async () => {
			// A deal the stage trigger first sees on a poll that emits nothing.
			[kepler] = seed('deals', [deal('Kepler')]);
			expected.newDeal.push([kepler]);
			await polled(Date.now());
			await assertEvents('before the restart');

			const t = Date.now();
			await server.stop();
			timings.stopMs = Date.now() - t;
			const [lyra] = seed('deals', [deal('Lyra')]);
			const [soylent] = seed('companies', [company('Soylent')]);
			const b = metal.change('deals', dealB.id, { status: 'ACTIVE' });
			const a = metal.change('deals', dealA.id, { stage: 'IC_MEETING' });
			kepler = metal.change('deals', kepler.id, { stage: 'SCREENED' });
			expected.newDeal.push([lyra]);
			expected.newCompany.push([soylent]);
			// Not Kepler's: n8n saves a trigger's static data only when it emits (and at activation),
			// so the stage trigger starts again from its last emitting poll, before Kepler existed,
			// and takes Kepler for a new deal (README, Metal Trigger).
			expected.dealStageOrStatusChanged.push([change(a, pairOf(dealA)), change(b, pairOf(dealB))]);
			[dealA, dealB] = [a, b];

			const restart = Date.now();
			server = await stack.n8n.start();
			await server.ensureLoggedIn();
			timings.restartMs = Date.now() - restart;
			timings.afterRestartMs = await polled(restart, 3);
			await assertEvents('after the restart');
		});

		test('after the restart, the next change of that deal is emitted', async () => {
			const t = Date.now();
			const k = metal.change('deals', kepler.id, { stage: 'DUE_DILIGENCE' });
			expected.dealStageOrStatusChanged.push([change(k, pairOf(kepler))]);
			kepler = k;
			timings.afterRestartChangeMs = await polled(t);
			await assertEvents('a change after the restart');
		});

		test('Fetch Test Event (a manual execution over REST) returns the newest matching record', async () => {
			const deals = metal.records('deals').sort((x, y) => (x.id < y.id ? 1 : -1));
			const companies = metal.records('companies').sort((x, y) => (x.id < y.id ? 1 : -1));
			const samples = {
				newDeal: deals[0],
				newCompany: companies[0],
				dealStageOrStatusChanged: change(deals[0], [null, null]),
			};
			for (const event of EVENT_NAMES) {
				const t = Date.now();
				const execution = await server.runManually(EVENTS[event].workflowId, TRIGGER);
				timings[`fetchTestEvent.${event}Ms`] = Date.now() - t;
				assert.equal(execution.mode, 'manual');
				assert.equal(execution.status, 'success', JSON.stringify(execution.run.resultData.error));
				const items = execution.run.resultData.runData[TRIGGER][0].data.main[0];
				assert.deepEqual(
					items.map((item) => item.json),
					[samples[event]],
					event,
				);
			}
			// A manual execution is no poll: the active triggers emitted nothing more.
			await assertEvents('after Fetch Test Event');
		});

		test('Poll Times more often than once a minute: n8n refuses them', async () => {
			const refusals = await tooOften();
			const refused =
				'There was a problem activating the workflow: "The polling interval is too short. It has to be at least a minute."';
			assert.deepEqual(refusals, {
				trigEvery3s: refused,
				// 1.x looks for a "*" in the seconds only: a list of seconds passes.
				trigSecondsList: stack.n8n.install.major >= 2 ? refused : undefined,
			});
		});
	});
}

/** The lowest id of the trigger's default 15-minute overlap window below `id`. */
function overlapFloor(id) {
	const seconds = parseInt(id.slice(0, 8), 16) - 15 * 60;
	return seconds.toString(16).padStart(8, '0') + '0'.repeat(16);
}

function timestamps() {
	const now = new Date().toISOString();
	return { createdAt: now, updatedAt: now };
}
