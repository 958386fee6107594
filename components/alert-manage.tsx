'use client';

import { useState } from 'react';

/** Pause, resume and delete through the rule's secret API link. */
export function AlertManage({ apiUrl, paused }: { apiUrl: string; paused: boolean }) {
  const [state, setState] = useState<'active' | 'paused' | 'deleted'>(paused ? 'paused' : 'active');
  const [error, setError] = useState<string | null>(null);
  async function call(method: 'PATCH' | 'DELETE', body?: unknown) {
    setError(null);
    const response = await fetch(apiUrl, { method, body: body === undefined ? undefined : JSON.stringify(body) }).catch(() => null);
    if (!response || !response.ok) {
      setError(`The server answered ${response?.status ?? 'nothing'}.`);
      return false;
    }
    return true;
  }
  if (state === 'deleted') return <p role="status">Deleted: this alert will not fire again.</p>;
  return (
    <p className="toolbar">
      {state === 'active' ? (
        <button type="button" onClick={() => void call('PATCH', { paused: true }).then((ok) => ok && setState('paused'))}>
          Pause
        </button>
      ) : (
        <button type="button" onClick={() => void call('PATCH', { paused: false }).then((ok) => ok && setState('active'))}>
          Resume
        </button>
      )}
      <button type="button" onClick={() => void call('DELETE').then((ok) => ok && setState('deleted'))}>
        Delete
      </button>
      <span role="status" className="muted small">
        {error ?? (state === 'paused' ? 'Paused.' : '')}
      </span>
    </p>
  );
}
