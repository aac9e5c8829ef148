/** How often the story editor reports that it has a story open; shared by the page (client) and the server. */
export const PRESENCE_INTERVAL_MS = 15_000;
