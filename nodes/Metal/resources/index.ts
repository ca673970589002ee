import type { Resource } from '../engine/operation';
import { company } from './company';
import { deal } from './deal';
import { workspace } from './workspace';

/** The node's resources, in the order a user thinks of them. */
export const RESOURCES: Resource[] = [company, deal, workspace];
