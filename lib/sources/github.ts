// GitHub REST `/repos/{owner}/{repo}` (pushed_at, archived) and `/repos/{owner}/{repo}/releases/latest`
// (published_at; 404 when the repository has no release): the last commit and release dates of a
// coin's repository. Keyless at 60 requests an hour per IP, so asked daily at most.
import { z } from 'zod';

import { fetchJson, UpstreamError } from './http';
import { parseOrThrow } from './parse';

export const githubRepoSchema = z.object({
  full_name: z.string(),
  pushed_at: z.string().nullable(),
  archived: z.boolean().optional(),
  stargazers_count: z.number().optional(),
});

export const githubReleaseSchema = z.object({
  tag_name: z.string(),
  published_at: z.string().nullable(),
});

const SOURCE = 'github';
/** GitHub owners are letters, digits and hyphens; a repository name is never "." or "..". */
export const GITHUB_REPO_RE = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/(?!\.\.?$)[A-Za-z0-9_.-]{1,100}$/;

export type GitHubActivity = {
  repo: string;
  lastCommitAt: string | null;
  lastReleaseAt: string | null;
  archived: boolean | null;
};

const iso = (text: string | null | undefined): string | null => {
  const at = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? null : new Date(at).toISOString();
};

export function normalizeGitHubRepo(raw: unknown): Pick<GitHubActivity, 'lastCommitAt' | 'archived'> {
  const repo = parseOrThrow(githubRepoSchema, raw, SOURCE);
  return { lastCommitAt: iso(repo.pushed_at), archived: repo.archived ?? null };
}

export function normalizeGitHubRelease(raw: unknown): string | null {
  return iso(parseOrThrow(githubReleaseSchema, raw, SOURCE).published_at);
}

export async function fetchGitHubActivity(
  repo: string,
  { baseUrl, timeoutMs }: { baseUrl: string; timeoutMs: number },
): Promise<GitHubActivity> {
  if (!GITHUB_REPO_RE.test(repo)) throw new UpstreamError(`${SOURCE}: not a repository name`, 'malformed');
  const base = `${baseUrl.replace(/\/+$/, '')}/repos/${repo}`;
  // GitHub refuses requests without a User-Agent.
  const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'minerank' };
  const { lastCommitAt, archived } = normalizeGitHubRepo(await fetchJson(base, { timeoutMs, source: SOURCE, headers }));
  let lastReleaseAt: string | null = null;
  try {
    lastReleaseAt = normalizeGitHubRelease(await fetchJson(`${base}/releases/latest`, { timeoutMs, source: SOURCE, headers }));
  } catch (error) {
    // No release yet is an answer, not a failure.
    if (!(error instanceof UpstreamError && error.status === 404)) throw error;
  }
  return { repo, lastCommitAt, lastReleaseAt, archived };
}
