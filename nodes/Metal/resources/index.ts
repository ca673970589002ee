import type { Resource } from '../engine/operation';
import { activity } from './activity';
import { company } from './company';
import { deal } from './deal';
import { person } from './person';
import { workspace } from './workspace';

/** The node's resources, in the order a user thinks of them. */
export const RESOURCES: Resource[] = [activity, company, deal, person, workspace];

/**
 * The Resource of a workflow saved without one. n8n leaves a parameter at its default out of a saved
 * workflow, so workflows saved when Workspace was the only resource have no Resource: they must stay
 * Workspace, whichever resource comes first in the list.
 */
export const DEFAULT_RESOURCE = 'workspace';
