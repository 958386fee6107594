'use client';

import { useState } from 'react';

/** Copies the page's canonical URL and says it did (or says how to copy it by hand). */
export function CopyLink({ path, label = 'Copy link' }: { path: string; label?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    const url = new URL(path, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    window.setTimeout(() => setStatus('idle'), 2500);
  }
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        {label}
      </button>
      <span role="status" aria-live="polite" className="muted small">
        {status === 'copied' ? 'Link copied' : status === 'failed' ? 'Copy failed: use the address bar' : ''}
      </span>
    </span>
  );
}
