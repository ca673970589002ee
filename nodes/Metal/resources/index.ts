import type { Resource } from '../engine/operation';
import { activity } from './activity';
import { person } from './person';
import { workspace } from './workspace';

/** The node's resources, in the order a user thinks of them. */
export const RESOURCES: Resource[] = [activity, person, workspace];
