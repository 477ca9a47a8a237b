// Drafting an order while the worker is down (issue 16): one Idempotency-Key per draft, kept with
// the draft in localStorage until the draft appears, so the page shows it 待生效 across refreshes
// and a retry (or a second click) is the same draft on the server, never a duplicate.

import { api } from "./api.js";

const STORE = "jiancha.pending-drafts";
const WEEK = 7 * 86_400_000;  // a pending draft older than this is forgotten (the server has it or not)

function all() {
  try {
    const list = JSON.parse(localStorage.getItem(STORE) || "[]");
    return list.filter((d) => Date.now() - new Date(d.at) < WEEK);
  } catch {
    return [];
  }
}

function save(list) {
  localStorage.setItem(STORE, JSON.stringify(list));
}

function forget(key) {
  save(all().filter((d) => d.key !== key));
}

/** A fresh key (hex; crypto.randomUUID needs a secure context, getRandomValues does not). */
function newKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** This user's drafts of this case still waiting for the worker. */
export function pendingDrafts(user, caseId) {
  return all().filter((d) => d.user === user.username && d.case_ids.includes(caseId));
}

/** Forget the pending drafts that now appear among `orders`; returns those still pending. */
export function settlePending(user, caseId, orders) {
  const seen = new Set(orders.map((o) => o.order_id));
  for (const d of pendingDrafts(user, caseId)) if (d.order_id && seen.has(d.order_id)) forget(d.key);
  return pendingDrafts(user, caseId);
}

/**
 * Send a draft under `key` (new unless retrying): {order} when it took effect, {pending} when the
 * worker has not folded it yet (202). Kept before sending: a reload while the request waits still
 * knows the key. Refused (4xx) or not taken by Kafka (503): nothing is pending, the error is thrown.
 * No answer at all (network): kept, a retry with the same key cannot duplicate it.
 */
export async function submitDraft(user, body, key = newKey()) {
  const entry = {
    key, user: user.username, case_ids: body.case_ids, title: body.title, requirements: body.requirements,
    at: new Date().toISOString(), order_id: all().find((d) => d.key === key)?.order_id,
  };
  save([...all().filter((d) => d.key !== key), entry]);
  let res;
  try {
    res = await api("/orders", { method: "POST", json: body, headers: { "Idempotency-Key": key } });
  } catch (err) {
    if (err.status !== 0) forget(key);
    throw err;
  }
  if (res.version) {
    forget(key);
    return { order: res };
  }
  save([...all().filter((d) => d.key !== key), { ...entry, order_id: res.order_id }]);
  return { pending: entry };
}
