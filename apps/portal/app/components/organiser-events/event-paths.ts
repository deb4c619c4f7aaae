// Portal pages of an organisation's events (the api's paths come from its route contracts).
export const eventsPath = (organisationId: string) => `/organisations/${encodeURIComponent(organisationId)}/events`;
export const eventPath = (organisationId: string, eventId: string) =>
  `${eventsPath(organisationId)}/${encodeURIComponent(eventId)}`;
