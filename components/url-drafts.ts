'use client';

// What a field shows when the URL is the state: the URL's value, unless the user has typed
// something for it since. A draft remembers the URL text it was typed against (`basis`); once the
// URL's text for the field is something else (back, forward, another control), the URL wins.
// An invalid entry is a draft that leaves the URL, and so the ranking, as it was.
import { useCallback, useState } from 'react';

type Draft = { text: string; basis: string };

export function useDrafts() {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const shown = useCallback(
    (key: string, urlText: string) => {
      const draft = drafts[key];
      return draft && draft.basis === urlText ? draft.text : urlText;
    },
    [drafts],
  );
  /** Records what was typed for `key`, and the URL text it goes with (the new one if valid). */
  const type = useCallback((key: string, text: string, basis: string) => {
    setDrafts((d) => ({ ...d, [key]: { text, basis } }));
  }, []);
  return { shown, type };
}
