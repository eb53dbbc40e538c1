import type { TranscriptOrigin } from '../api/types/run';
import { hasMessage, t } from '../i18n';

/** "Transcribed by Whisper.cpp (base model).", "Typed or pasted text."...: the speaker knows what to trust. */
export function originText(origin: TranscriptOrigin): string {
  const { source, model } = origin;
  if (source === 'typed') return t('transcript.originTyped');
  if (source === 'edit') return t('transcript.originEdited');
  if (source === 'document') return t('transcript.originDocument');
  const key = `engine.${source ?? ''}`;
  if (!source || !hasMessage(key)) return '';
  return model ? t('transcript.originModel', { engine: t(key), model }) : t('transcript.origin', { engine: t(key) });
}
