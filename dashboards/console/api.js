// Talking to the jiancha API: the bearer token, Chinese error messages, media as blobs.

const TOKEN = "jiancha.token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * The session: the token lives in this tab's sessionStorage (never localStorage, so it ends with
 * the browser). Tabs of the same console share it over a BroadcastChannel (same origin only): a new
 * tab asks, a signed-in tab answers; a renewal or a sign-out reaches every tab.
 */
const channel = "BroadcastChannel" in window ? new BroadcastChannel("jiancha.session") : null;
let onSignedOut = () => {};

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  set token(value) {
    if (value) sessionStorage.setItem(TOKEN, value);
    else sessionStorage.removeItem(TOKEN);
  },
  /** Set (or clear) the token here and in every other tab. */
  share(value) {
    this.token = value;
    channel?.postMessage(value ? { type: "token", token: value } : { type: "signed-out" });
  },
  /** A token from another open tab, if one answers within `ms`. */
  async borrow(ms = 400) {
    if (!channel || this.token) return this.token;
    return new Promise((resolve) => {
      const done = (ev) => {
        if (ev.data?.type !== "token") return;
        channel.removeEventListener("message", done);
        this.token = ev.data.token;
        resolve(ev.data.token);
      };
      channel.addEventListener("message", done);
      channel.postMessage({ type: "ask" });
      setTimeout(() => { channel.removeEventListener("message", done); resolve(this.token); }, ms);
    });
  },
  whenSignedOut(handler) { onSignedOut = handler; },
};

channel?.addEventListener("message", (ev) => {
  const { type, token } = ev.data || {};
  if (type === "ask" && session.token) channel.postMessage({ type: "token", token: session.token });
  else if (type === "token" && session.token && token !== session.token) session.token = token;  // renewed elsewhere
  else if (type === "signed-out" && session.token) { session.token = null; onSignedOut(); }
});

/** Seconds since epoch of a JWT's claims (no verification: the server verifies). */
function claimsOf(token) {
  try {
    return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return {};
  }
}

let renewing = null;
let lastRenewal = 0;

/**
 * Renew the token while the console is in use (a request, a key press): once half its life is
 * gone, at most once a minute. The server caps the session (JIANCHA_AUTH_SESSION_HOURS after the
 * password was given); past the cap the renewal fails and the next request asks to sign in again.
 */
export async function keepAlive() {
  const token = session.token;
  if (!token || renewing || Date.now() - lastRenewal < 60_000) return;
  const { iat, exp } = claimsOf(token);
  if (!iat || !exp || Date.now() / 1000 < iat + (exp - iat) / 2) return;
  lastRenewal = Date.now();
  renewing = fetch("/auth/refresh", { method: "POST", headers: { Authorization: `Bearer ${token}` } })
    .then(async (resp) => { if (resp.ok && session.token === token) session.share((await resp.json()).access_token); })
    .catch(() => {})
    .finally(() => { renewing = null; });
}

const FIELDS = { reason: "理由", requirements: "整改要求", text: "整改汇报", comment: "意见", title: "标题" };

/** The Chinese message of a failed response (the API answers {"detail": "..."} in Chinese). */
async function failure(resp) {
  let detail = "";
  try {
    const body = await resp.json();
    detail = typeof body.detail === "string" ? body.detail : "";
    if (body.errors?.length) {
      detail += "：" + body.errors.map((e) => `${FIELDS[e.field] || e.field} ${e.message}`).join("；");
    }
  } catch { /* not JSON */ }
  const fallback = {
    401: "登录已失效，请重新登录", 403: "无权执行此操作", 404: "未找到", 409: "已被他人处理，请刷新后重试",
    413: "文件过大", 429: "尝试过于频繁，请稍后再试",
  };
  // A server fault is the server's, not the user's network: say so, whatever a proxy answered.
  if (resp.status >= 500) return new ApiError(resp.status, detail || UNAVAILABLE);
  return new ApiError(resp.status, detail || fallback[resp.status] || `请求未能完成（HTTP ${resp.status}）`);
}

const UNAVAILABLE = "服务暂时不可用，请稍后再试";

let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

/** fetch with the token; JSON in and out unless `form` (FormData / URLSearchParams) or `raw`. */
export async function api(path, { method = "GET", json, form, raw = false, headers: extra = {} } = {}) {
  const headers = { ...extra };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let body;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let resp;
  try {
    resp = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, UNAVAILABLE);  // the server down looks the same as no network
  }
  if (!resp.ok) {
    const err = await failure(resp);
    if (resp.status === 401 && session.token) onUnauthorized(err);
    throw err;
  }
  keepAlive();
  if (raw) return resp;
  return resp.status === 204 ? null : resp.json();
}

/** A protected file as an object URL (media, bulletins, attachments need the bearer token). */
export async function blobUrl(path) {
  const resp = await api(path, { raw: true });
  return URL.createObjectURL(await resp.blob());
}

/** Save a protected file under `filename`. */
export async function download(path, filename) {
  const url = await blobUrl(path);
  const a = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
