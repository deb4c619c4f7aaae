// Portal pages and api paths of an organisation's events.
export const eventsPath = (organisationId: string) => `/organisations/${encodeURIComponent(organisationId)}/events`;
export const eventPath = (organisationId: string, eventId: string) => `${eventsPath(organisationId)}/${encodeURIComponent(eventId)}`;
export const apiEventsPath = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}/events`;
export const apiEventPath = (organisationId: string, eventId: string) => `${apiEventsPath(organisationId)}/${encodeURIComponent(eventId)}`;
