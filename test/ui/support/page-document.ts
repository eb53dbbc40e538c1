/**
 * The one piece of a page the UI's modules touch when they load: ui/src/i18n.ts mirrors the interface language into
 * `<html lang>` as soon as it is imported. Node has no DOM, so this stands in for `document.documentElement` and
 * records the attribute, so a test can read it. Import it before any module that imports ui/src/i18n.ts.
 *
 * Vue is loaded first, while there is no `document`: Vue's DOM renderer probes a real document when it loads, and
 * takes "no document" as running on a server. The stand-in is installed after that.
 */
import 'vue';

export const htmlElement = {
  attributes: new Map<string, string>(),
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  },
};

const scope = globalThis as { document?: unknown };
scope.document ??= { documentElement: htmlElement };
