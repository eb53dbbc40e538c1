import { nextTick } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { t, type MessageKey } from './i18n';
import AboutPage from './pages/AboutPage.vue';
import FeedbackListPage from './pages/FeedbackListPage.vue';
import ComparePage from './pages/ComparePage.vue';
import FeedbackPage from './pages/FeedbackPage.vue';
import HealthPage from './pages/HealthPage.vue';
import HelpPage from './pages/HelpPage.vue';
import MemosPage from './pages/MemosPage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';
import PacksPage from './pages/PacksPage.vue';
import PeerReviewPage from './pages/PeerReviewPage.vue';
import ProfilesPage from './pages/ProfilesPage.vue';
import ProgressPage from './pages/ProgressPage.vue';
import QuestPage from './pages/QuestPage.vue';
import RecordPage from './pages/RecordPage.vue';
import RunPage from './pages/RunPage.vue';
import TrimPage from './pages/TrimPage.vue';
import SettingsPage from './pages/SettingsPage.vue';
import TalkPage from './pages/TalkPage.vue';
import TalksPage from './pages/TalksPage.vue';
import TrainingPage from './pages/TrainingPage.vue';
import { navSectionOverride } from './state/nav-section-override';
import { clearNotices } from './state/notices';
import { focusMainHeading } from './util/focus-main-heading';
import { activeProfileId, ensureSessionLoaded, session } from './state/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page works on the active profile: without one, the speaker is sent to Profiles. */
    needsProfile?: boolean;
    title?: MessageKey;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/talks' },
  { path: '/profiles', name: 'profiles', component: ProfilesPage, meta: { title: 'nav.profiles' } },
  { path: '/talks', name: 'talks', component: TalksPage, meta: { needsProfile: true, title: 'nav.talks' } },
  { path: '/talks/:id', name: 'talk', component: TalkPage, meta: { needsProfile: true, title: 'talk.title' } },
  {
    // The blueprint's step links (define, builder, train, export) open the talk page at that section.
    path: '/talks/:id/:section(define|builder|train|export)',
    name: 'talk-section',
    component: TalkPage,
    meta: { needsProfile: true, title: 'talk.title' },
  },
  { path: '/talks/:id/runs/:runId', name: 'run', component: RunPage, meta: { needsProfile: true, title: 'run.title' } },
  { path: '/talks/:id/runs/:runId/trim', name: 'run-trim', component: TrimPage, meta: { needsProfile: true, title: 'trim.title' } },
  { path: '/record', name: 'record', component: RecordPage, meta: { needsProfile: true, title: 'record.title' } },
  { path: '/feedback', name: 'feedback-list', component: FeedbackListPage, meta: { needsProfile: true, title: 'feedback.listTitle' } },
  { path: '/feedback/:id', name: 'feedback', component: FeedbackPage, meta: { needsProfile: true, title: 'feedback.title' } },
  { path: '/compare', name: 'compare', component: ComparePage, meta: { needsProfile: true, title: 'compare.title' } },
  { path: '/reviews/:id', name: 'peer-review', component: PeerReviewPage, meta: { needsProfile: true, title: 'runReviews.title' } },
  { path: '/training', name: 'training', component: TrainingPage, meta: { needsProfile: true, title: 'nav.training' } },
  { path: '/quest/:code', name: 'quest', component: QuestPage, meta: { needsProfile: true, title: 'quest.title' } },
  { path: '/progress', name: 'progress', component: ProgressPage, meta: { needsProfile: true, title: 'nav.progress' } },
  { path: '/memos', name: 'memos', component: MemosPage, meta: { needsProfile: true, title: 'memos.title' } },
  { path: '/packs', name: 'packs', component: PacksPage, meta: { needsProfile: true, title: 'nav.packs' } },
  { path: '/health', name: 'health', component: HealthPage, meta: { title: 'nav.health' } },
  { path: '/help', name: 'help', component: HelpPage, meta: { title: 'help.title' } },
  { path: '/about', name: 'about', component: AboutPage, meta: { title: 'about.title' } },
  { path: '/settings', name: 'settings', component: SettingsPage, meta: { title: 'nav.settings' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage, meta: { title: 'notFound.title' } },
];

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: (to) => (to.hash ? { el: to.hash } : { top: 0 }),
});

router.beforeEach(async (to) => {
  await ensureSessionLoaded();
  if (to.meta.needsProfile && !activeProfileId.value) {
    return { name: 'profiles', query: session.profiles.length === 0 && !session.failed ? { create: '1' } : {} };
  }
  return true;
});

router.afterEach((to, from) => {
  // Errors and status lines belong to the page they happened on (but the first load's errors stay visible).
  if (to.path !== from.path) navSectionOverride.value = null;
  if (from.matched.length > 0 && to.path !== from.path) {
    clearNotices();
    // Keyboard and screen-reader users land on the new page's heading, not on the link they left behind. A page that
    // moves focus itself once its data is loaded (a section, a form) does so later and wins.
    void nextTick(focusMainHeading);
  }
  document.title = to.meta.title ? `${t(to.meta.title)} · Lectern` : 'Lectern';
});
