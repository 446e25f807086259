/**
 * @deprecated Use `./vaadin-grid/gridConnector.ts` instead. This entrypoint is
 * kept for backwards compatibility and is removed in the next major version.
 */
export * from './vaadin-grid/gridConnector.ts';
