// Document settings (Office.context.document.settings): small JSON values stored inside the
// workbook. Values are in memory until saveAsync writes them into the document.

export interface DocumentSettings {
  load<T>(key: string): T | null;
  save(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

function settingsObject(): Office.Settings {
  if (typeof Office === 'undefined' || !Office.context?.document?.settings) {
    throw new Error('Office document settings are not available / 문서 설정을 사용할 수 없습니다');
  }
  return Office.context.document.settings;
}

function persist(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Compared by value: the callback may run after the page has dropped the Office global.
      if (String(result.status) === 'failed') {
        reject(new Error(`Saving document settings failed: ${result.error?.message ?? 'unknown'}`));
      } else resolve();
    });
  });
}

/** The workbook's settings, read and written as JSON values. */
export function documentSettings(): DocumentSettings {
  return {
    load<T>(key: string): T | null {
      const v = settingsObject().get(key) as T | undefined | null;
      return v === undefined ? null : v;
    },
    async save(key: string, value: unknown): Promise<void> {
      const s = settingsObject();
      s.set(key, value);
      await persist(s);
    },
    async remove(key: string): Promise<void> {
      const s = settingsObject();
      s.remove(key);
      await persist(s);
    },
  };
}

/** Settings kept in memory only (no host): the session still works, nothing is persisted. */
export function memorySettings(): DocumentSettings {
  const map = new Map<string, string>();
  return {
    load: <T>(key: string) => (map.has(key) ? (JSON.parse(map.get(key)!) as T) : null),
    save: async (key, value) => void map.set(key, JSON.stringify(value)),
    remove: async (key) => void map.delete(key),
  };
}
