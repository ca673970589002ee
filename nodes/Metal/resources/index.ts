import type { Resource } from '../engine/operation';
import { enrichment } from './enrichment';
import { score } from './score';
import { tag } from './tag';
import { workflowRun } from './workflowRun';
import { workspace } from './workspace';

/** The node's resources, in the order a user thinks of them. */
export const RESOURCES: Resource[] = [workspace, enrichment, score, tag, workflowRun];
