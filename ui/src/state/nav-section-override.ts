import { ref } from 'vue';
import type { NavPath } from '../components/nav-section';

/**
 * The menu section of a page whose section depends on what it shows, not on its path: the feedback on a quest attempt
 * is under Training, the feedback on a run under Talks. Set by the page once its data is loaded; cleared on each route
 * change (src/router.ts), so it never outlives its page.
 */
export const navSectionOverride = ref<NavPath | null>(null);
