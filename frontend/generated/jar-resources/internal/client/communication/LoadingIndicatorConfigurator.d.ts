import type { StateNode } from '../flow/StateNode';
/**
 * Observes the loading indicator configuration stored in the given node and configures
 * the loading indicator accordingly.
 *
 * @param node - the node containing the loading indicator configuration
 */
export declare function observe(node: StateNode): void;
