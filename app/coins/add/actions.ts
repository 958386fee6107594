'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { checkFailure, credentialsFailure, entryFromValues, valuesFromForm, type AddCoinState } from '@/lib/registry/add-coin';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { addRegistryCoin, addRegistryPoolSite, removeRegistryCoin, removeRegistryPoolSite } from '@/lib/server/registry-actions';
import { checkFromReading, emptyReadingMessage, poolSiteFromValues, poolSiteValuesFromForm } from '@/lib/registry/add-pool-site';
import type { AddPoolSiteState } from '@/lib/registry/add-pool-site-state';
import { poolSiteKey } from '@/lib/registry/schema';
import { readPoolSite } from '@/lib/sources/pools/site';
import { chainCheckOptions } from '@/lib/server/queries';
import { isOperator } from '@/lib/server/operator';
import { rateLimited } from '@/app/api/_lib/respond';
import { RegistryFieldError } from '@/lib/registry/store';
import { describeChainStats, fetchChainStats } from '@/lib/sources/chain';

/**
 * One action for both buttons: "check" asks the source live and reports what it said; "add" does
 * the same check and then saves the coin. Each check is an outbound request a visitor causes, so
 * it counts against the same per-client allowance as the API.
 */
export async function submitCoin(_previous: AddCoinState, form: FormData): Promise<AddCoinState> {
  const values = valuesFromForm(form);
  const intent = form.get('intent') === 'add' ? 'add' : 'check';
  const parsed = entryFromValues(values);
  if (!parsed.success) {
    return { status: 'invalid', message: 'Fix the marked fields.', fieldErrors: parsed.fieldErrors, values };
  }
  const requestHeaders = await headers();
  const limited = await rateLimited(new Request('http://localhost/coins/add', { headers: requestHeaders }));
  if (limited) {
    return { status: 'invalid', message: 'Too many checks from your address: try again in a minute.', fieldErrors: {}, values };
  }
  // Saving changes what the server asks for everyone: the operator's action (lib/server/operator.ts).
  if (intent === 'add' && !isOperator(requestHeaders, tokenFromForm(form))) {
    return { status: 'invalid', message: OPERATOR_NEEDED, fieldErrors: {}, values };
  }

  const { entry } = parsed;
  const refused = await credentialsFailure(entry.source);
  if (refused) return { status: 'invalid', message: refused.message, fieldErrors: { url: refused.message }, values };
  let message: string;
  try {
    const stats = await fetchChainStats(entry.source, chainCheckOptions());
    if (stats.difficulty === null && stats.networkHashrate === null) {
      return {
        status: 'invalid',
        message: null,
        fieldErrors: { url: 'the source answered but gave neither a difficulty nor a network hashrate' },
        values,
      };
    }
    message = describeChainStats(stats, getAlgorithm(entry.algorithm)?.unit ?? 'H/s');
  } catch (error) {
    const { field, message: why } = checkFailure(error);
    // The form has no credentials field: a node asking for them is the URL's problem here.
    return { status: 'invalid', message: null, fieldErrors: { [field === 'authEnv' ? 'url' : field]: why }, values };
  }
  if (intent === 'check') return { status: 'checked', message, fieldErrors: {}, values };

  try {
    await addRegistryCoin(entry);
  } catch (error) {
    if (error instanceof RegistryFieldError) {
      const field = error.field === 'tag' || error.field === 'name' ? error.field : 'tag';
      return { status: 'invalid', message: null, fieldErrors: { [field]: error.message.replace(/^[^:]+: /, '') }, values };
    }
    throw error;
  }
  redirect(`/coins/add?added=${encodeURIComponent(entry.tag)}`);
}

const OPERATOR_NEEDED =
  'Saving needs the operator: use this page on the server’s own machine, or give the operator token (ADMIN_TOKEN).';

function tokenFromForm(form: FormData): string | null {
  const token = form.get('adminToken');
  return typeof token === 'string' && token.length > 0 ? token.slice(0, 512) : null;
}

/**
 * Removes a coin this server's users added; shipped coins have no remove button and are refused.
 * The operator's action, and rate-limited like a check.
 */
export async function removeCoin(form: FormData): Promise<void> {
  const tag = form.get('tag');
  const algorithm = form.get('algorithm');
  if (typeof tag !== 'string' || typeof algorithm !== 'string' || !/^[A-Z0-9]{2,10}$/.test(tag)) {
    redirect('/coins/add');
  }
  const requestHeaders = await headers();
  if (await rateLimited(new Request('http://localhost/coins/add', { headers: requestHeaders }))) {
    redirect('/coins/add?refused=limited');
  }
  if (!isOperator(requestHeaders, tokenFromForm(form))) redirect('/coins/add?refused=operator');
  const removed = await removeRegistryCoin(tag, algorithm.slice(0, 64));
  redirect(removed > 0 ? `/coins/add?removed=${encodeURIComponent(tag)}` : '/coins/add');
}

/**
 * The pool-site form's one action: "check" reads the whole site live through the guarded request
 * (anyone may, within the per-client allowance) and shows what it found; "add" (the operator) reads
 * it again and saves it, so only that site's source is asked next.
 */
export async function submitPoolSite(_previous: AddPoolSiteState, form: FormData): Promise<AddPoolSiteState> {
  const values = poolSiteValuesFromForm(form);
  const intent = form.get('intent') === 'add' ? 'add' : 'check';
  const parsed = poolSiteFromValues(values);
  const base = { check: null, values };
  if (!parsed.success) return { ...base, status: 'invalid', message: null, fieldErrors: parsed.fieldErrors };
  const requestHeaders = await headers();
  if (await rateLimited(new Request('http://localhost/coins/add', { headers: requestHeaders }))) {
    return { ...base, status: 'invalid', message: 'Too many checks from your address: try again in a minute.', fieldErrors: {} };
  }
  if (intent === 'add' && !isOperator(requestHeaders, tokenFromForm(form))) {
    return { ...base, status: 'invalid', message: OPERATOR_NEEDED, fieldErrors: {} };
  }
  const { site } = parsed;
  const { timeoutMs, allowPrivate } = chainCheckOptions();
  let reading;
  try {
    reading = await readPoolSite(site.kind, site.url, { timeoutMs, allowPrivate });
  } catch (error) {
    return { ...base, status: 'invalid', message: null, fieldErrors: { poolUrl: checkFailure(error).message } };
  }
  const check = checkFromReading(reading);
  const empty = emptyReadingMessage(reading);
  if (empty) return { status: 'invalid', check, values, message: null, fieldErrors: { poolUrl: empty } };
  if (intent === 'check') return { status: 'checked', check, values, message: null, fieldErrors: {} };
  try {
    await addRegistryPoolSite(site);
  } catch (error) {
    if (error instanceof RegistryFieldError) {
      return { status: 'invalid', check, values, message: null, fieldErrors: { poolUrl: error.message.replace(/^[^:]+: /, '') } };
    }
    throw error;
  }
  redirect(`/coins/add?site=${encodeURIComponent(poolSiteKey(site))}`);
}

/** Removes an added pool site (the operator's action, rate-limited like a check). */
export async function removePoolSite(form: FormData): Promise<void> {
  const key = form.get('site');
  if (typeof key !== 'string' || !/^pool:[a-z-]+:/.test(key)) redirect('/coins/add');
  const requestHeaders = await headers();
  if (await rateLimited(new Request('http://localhost/coins/add', { headers: requestHeaders }))) redirect('/coins/add?refused=limited');
  if (!isOperator(requestHeaders, tokenFromForm(form))) redirect('/coins/add?refused=operator');
  const removed = await removeRegistryPoolSite(key.slice(0, 300));
  redirect(removed > 0 ? '/coins/add?siteRemoved=1' : '/coins/add');
}
