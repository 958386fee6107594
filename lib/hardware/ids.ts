// Device ids are permanent URL keys (dev=<id>:<count>): kebab-case, checked by the catalog schema and the URL parser.
export const DEVICE_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The label of a catalog row's own figure among its operating points (lib/tuning); other points name themselves. */
export const STOCK_LABEL = 'stock';
