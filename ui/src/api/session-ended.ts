import { ref } from 'vue';

/**
 * Whether the server stopped knowing this tab's session (Lectern was restarted, so its sessions are gone): the app
 * then shows a page that says so and how to open Lectern again, instead of pages that look empty.
 */
export const sessionEnded = ref(false);
