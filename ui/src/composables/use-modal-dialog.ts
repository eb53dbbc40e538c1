import { nextTick, useTemplateRef } from 'vue';

/**
 * A native modal <dialog> that asks before something that cannot be undone (restore a snapshot, trim a recording).
 * Opening remembers where focus was and puts it on the safe button, never the destructive one; closing gives focus
 * back; Escape closes it unless the work is under way. The component's template names the <dialog> `ref="dialog"` and
 * the safe button `ref="safeButton"`.
 */
export function useModalDialog(isBusy: () => boolean) {
  const dialog = useTemplateRef<HTMLDialogElement>('dialog');
  const safeButton = useTemplateRef<HTMLButtonElement>('safeButton');
  let opener: HTMLElement | null = null;

  async function open(): Promise<void> {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.value?.showModal();
    await nextTick();
    safeButton.value?.focus();
  }

  function close(): void {
    dialog.value?.close();
    opener?.focus();
  }

  /** Escape fires `cancel` on the dialog. */
  function onCancel(event: Event): void {
    event.preventDefault();
    if (!isBusy()) close();
  }

  return { dialog, open, close, onCancel };
}
