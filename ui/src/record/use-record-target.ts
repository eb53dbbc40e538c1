import { ref } from 'vue';
import type { LocationQuery } from 'vue-router';
import { invoke } from '../api/invoke';
import type { Quest } from '../api/types/quest';
import { language } from '../i18n';
import { outlineSpeechText } from '../../../src/contracts/outline-speech-text.js';
import type { RecordTarget } from './subject';

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.length > 0 ? first : null;
}

/**
 * What the Record page records for, from `?projectId=` (a run of that talk) or `?questCode=` (an attempt, on
 * `projectId` or the training talk), with what is shown around it: the talk's title, the quest, and the saved outline
 * as the words a speaker says of it (shown while recording, offered for script alignment), and the talk's target time.
 */
export function useRecordTarget(profileId: string, query: LocationQuery) {
  const target = ref<RecordTarget | null>(null);
  const talkTitle = ref<string | null>(null);
  const quest = ref<Quest | null>(null);
  const scriptText = ref<string | null>(null);
  const targetSec = ref<number | null>(null);
  const problem = ref<'missing_target' | 'project_not_found' | null>(null);

  async function load(): Promise<void> {
    const questCode = single(query.questCode);
    let projectId = single(query.projectId);
    if (!questCode && !projectId) {
      problem.value = 'missing_target';
      return;
    }
    if (questCode) {
      if (!projectId) projectId = (await invoke('project_ensure_training', { profileId })).project.id;
      quest.value = (await invoke('quest_get', { profileId, questCode, locale: language.value })).quest;
    }
    const { projects } = await invoke('project_list', { profileId });
    const project = projects.find((item) => item.id === projectId);
    if (!questCode && !project) {
      problem.value = 'project_not_found';
      return;
    }
    talkTitle.value = project?.title ?? null;
    targetSec.value = project?.durationTargetSec ?? null;
    if (project) {
      const { outline } = await invoke('outline_get', { profileId, projectId: project.id });
      // What the speaker says of the outline (headings and item labels are structure, not speech): the script to align to.
      const plain = outline.updatedAt ? outlineSpeechText(outline.markdown) : '';
      scriptText.value = plain.length > 0 ? plain : null;
    }
    target.value = questCode
      ? { kind: 'quest', profileId, projectId: projectId as string, questCode }
      : { kind: 'run', profileId, projectId: projectId as string };
  }

  return { target, talkTitle, quest, scriptText, targetSec, problem, load };
}
