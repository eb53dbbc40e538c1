import { createApp } from 'vue';
import App from './App.vue';
import { loadLanguagePreference } from './i18n';
import { router } from './router';
import { loadThemePreference } from './settings/theme';
import { reportError } from './state/notices';
import './styles/base.css';

loadLanguagePreference().catch(reportError);
loadThemePreference().catch(reportError);
createApp(App).use(router).mount('#app');
