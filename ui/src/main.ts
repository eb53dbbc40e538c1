import { createApp } from 'vue';
import App from './App.vue';
import { loadLanguagePreference } from './i18n';
import { router } from './router';
import { reportError } from './state/notices';
import './styles/base.css';

loadLanguagePreference().catch(reportError);
createApp(App).use(router).mount('#app');
