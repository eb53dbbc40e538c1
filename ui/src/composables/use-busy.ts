import { ref } from 'vue';
import { reportError } from '../state/notices';

/**
 * A busy flag around async work; a failure is reported in the error region and resolves to undefined. A form passes
 * `fieldError` to keep the failures that concern one of its fields (a name already taken) next to that field instead:
 * it returns the message to show there, or null for a failure that belongs in the error region.
 */
export function useBusy(fieldError?: (error: unknown) => string | null) {
  const busy = ref(false);
  const problem = ref<string | null>(null);
  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    problem.value = null;
    try {
      return await task();
    } catch (error) {
      problem.value = fieldError?.(error) ?? null;
      if (problem.value === null) reportError(error);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, problem, run };
}
