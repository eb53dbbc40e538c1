import { ref } from 'vue';
import { reportError } from '../state/notices';

/** A busy flag around async work; a failure is reported in the error region and resolves to undefined. */
export function useBusy() {
  const busy = ref(false);
  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    try {
      return await task();
    } catch (error) {
      reportError(error);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}
