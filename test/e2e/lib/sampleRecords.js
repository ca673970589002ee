'use strict';
// The Metal records the example workflows in examples/ refer to by ID (a deal, a company, a person,
// a Metal workflow, a score), seeded into the local simulator so that each example runs as shipped.
// The IDs are made up: a user puts their own in the examples' sample nodes.

const IDS = Object.freeze({
	companyAcme: '6650c1a0000000000000c001',
	companyBoreal: '6650c1a0000000000000c002',
	companyCygnus: '6650c1a0000000000000c003',
	dealFalcon: '6650d1a0000000000000d001',
	// The newest deal: its ID is the highest.
	dealGannet: '6650d1a0000000000000d002',
	personJane: '6650e1a0000000000000e001',
	personOmar: '6650e1a0000000000000e002',
	workflowScreen: '6650f1a0000000000000f001',
	scoreAcme: '6650a1a0000000000000a001',
});

const COMPANIES = [
	{
		id: IDS.companyAcme,
		canonicalName: 'Acme Health',
		companyType: 'operating',
		sector: 'Healthcare',
		website: 'https://acmehealth.example',
	},
	{
		id: IDS.companyBoreal,
		canonicalName: 'Boreal Software',
		companyType: 'operating',
		sector: 'Software',
	},
	// Another case of the same sector: a filter on "Healthcare" keeps it.
	{
		id: IDS.companyCygnus,
		canonicalName: 'Cygnus Clinics',
		companyType: 'operating',
		sector: 'healthcare',
	},
];

const DEALS = [
	{
		id: IDS.dealFalcon,
		name: 'Project Falcon',
		companyId: IDS.companyAcme,
		stage: 'DUE_DILIGENCE',
		status: 'ACTIVE',
	},
	{
		id: IDS.dealGannet,
		name: 'Project Gannet',
		companyId: IDS.companyCygnus,
		stage: 'SOURCED',
		status: 'ACTIVE',
	},
];

const PEOPLE = [
	{ id: IDS.personJane, firstName: 'Jane', lastName: 'Doe', currentTitle: 'VP Finance' },
	{ id: IDS.personOmar, firstName: 'Omar', lastName: 'Haddad', currentTitle: 'Director' },
];

const SCREEN_OUTPUT = {
	recommendation: 'Proceed to IC',
	memo: 'Cygnus Clinics: 14 clinics, 22% revenue growth, founder-led.',
};

const SCORE = {
	id: IDS.scoreAcme,
	frameworkId: '6650a1a0000000000000a0f1',
	frameworkName: 'Healthcare services thesis',
	company: IDS.companyAcme,
	screeningId: '6650a1a0000000000000a051',
	finalScore: 4.2,
	elementScores: [
		{
			elementId: '6650a1a0000000000000a0e1',
			elementName: 'Market',
			score: 4.5,
			reasoning: 'Fragmented regional market with room to consolidate',
			confidence: 0.85,
		},
		{
			elementId: '6650a1a0000000000000a0e2',
			elementName: 'Team',
			score: 3.8,
			reasoning: 'Experienced founder, thin finance function',
			confidence: 0.7,
		},
	],
	metadata: {},
};

/**
 * Seeds the records the examples refer to. The Metal workflow finishes `runDurationMs` after it is
 * started (1 s by default), with SCREEN_OUTPUT.
 */
function seedSampleRecords(simulator, { runDurationMs = 1000 } = {}) {
	simulator.seed('companies', COMPANIES);
	simulator.seed('deals', DEALS);
	simulator.seed('people', PEOPLE);
	simulator.seed('workflows', {
		id: IDS.workflowScreen,
		name: 'Screen a deal',
		runDurationMs,
		runOutput: SCREEN_OUTPUT,
	});
	simulator.seed('scores', SCORE);
	// A workspace made by an earlier run: Create or Get finds it rather than making another.
	simulator.seed('workspaces', { name: 'Project Falcon', company: 'Acme Health' });
}

module.exports = { COMPANIES, DEALS, IDS, PEOPLE, SCORE, SCREEN_OUTPUT, seedSampleRecords };
