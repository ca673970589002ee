import type { Resource } from '../engine/operation';
import { activity } from './activity';
import { company } from './company';
import { deal } from './deal';
import { document } from './document';
import { enrichment } from './enrichment';
import { person } from './person';
import { score } from './score';
import { tag } from './tag';
import { workflowRun } from './workflowRun';
import { workspace } from './workspace';

/** The node's resources, alphabetical as in n8n's own nodes (and in the order deal teams name them). */
export const RESOURCES: Resource[] = [
	activity,
	company,
	deal,
	document,
	enrichment,
	person,
	score,
	tag,
	workflowRun,
	workspace,
];

/**
 * The Resource of a workflow saved without one. n8n leaves a parameter at its default out of a saved
 * workflow, so workflows saved when Workspace was the only resource have no Resource: they must stay
 * Workspace, whichever resource comes first in the list.
 */
export const DEFAULT_RESOURCE = 'workspace';
