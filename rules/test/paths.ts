/** JSON pointers into the base document, so cases read like the spec. */
export const WIDGETS = '/paths/~1v1~1widgets';
export const WIDGET = '/paths/~1v1~1widgets~1{widget_id}';
export const ARCHIVE = '/paths/~1v1~1widgets~1{widget_id}~1archive';
export const EVENTS = '/paths/~1v1~1widget-events';
export const WEBHOOK = '/webhooks/widget.created/post';
export const SCHEMAS = '/components/schemas';
export const problemResponse = { $ref: '#/components/responses/Problem' };
