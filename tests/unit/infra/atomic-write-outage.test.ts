import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TEMP_NAME_RE, writeFileAtomic } from '@/lib/infra/atomic-write';
import { createOutageLog } from '@/lib/infra/outage';
import { captureLogs } from '../../support/logs';

describe('writeFileAtomic', () => {
  it('replaces the file whole, leaves no temporary file, and creates the folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'nested', 'state.json');
    await writeFileAtomic(file, '{"v":1}');
    await Promise.all([writeFileAtomic(file, '{"v":2}'), writeFileAtomic(file, '{"v":3}')]);
    expect(['{"v":2}', '{"v":3}']).toContain(await readFile(file, 'utf8'));
    expect(await readdir(path.dirname(file))).toEqual(['state.json']);
  });

  it('names temporary files <file>.<pid>.<ms>.tmp, the pattern a restart cleans up', () => {
    expect(TEMP_NAME_RE.exec('123.1733220000000.tmp')?.slice(1)).toEqual(['123', '1733220000000']);
    expect(TEMP_NAME_RE.test('abc.tmp')).toBe(false);
  });

  it('throws when the target cannot be written, and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
    const blocker = path.join(dir, 'file');
    await writeFile(blocker, 'x');
    await expect(writeFileAtomic(path.join(blocker, 'inside.json'), '{}')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['file']);
  });
});

describe('createOutageLog', () => {
  it('logs an outage once, counts the rest, and logs the return with how long and how many', () => {
    let t = 1_000;
    const outage = createOutageLog('thing', { name: 'x' }, () => t);
    const { lines } = captureLogs();
    expect(outage.failed(new Error('refused'))).toBe(true);
    expect(outage.failed(new Error('refused again'))).toBe(false);
    expect(outage.down).toBe(true);
    t = 4_500;
    expect(outage.succeeded()).toBe(true);
    expect(outage.succeeded()).toBe(false);
    vi.restoreAllMocks();
    expect(lines.map((l) => l.event)).toEqual(['thing_unavailable', 'thing_rejoined']);
    expect(lines[0]).toMatchObject({ level: 'warn', name: 'x', error: 'refused' });
    expect(lines[1]).toMatchObject({ level: 'info', downForMs: 3_500, failures: 2 });
    expect(outage.down).toBe(false);
  });
});
