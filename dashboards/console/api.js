// Talking to the jiancha API: the bearer token, Chinese error messages, media as blobs.

const TOKEN = "jiancha.token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  set token(value) {
    if (value) sessionStorage.setItem(TOKEN, value);
    else sessionStorage.removeItem(TOKEN);
  },
};

/** The Chinese message of a failed response (the API answers {"detail": "..."} in Chinese). */
async function failure(resp) {
  let detail = "";
  try {
    const body = await resp.json();
    detail = typeof body.detail === "string" ? body.detail : "";
    if (body.errors?.length) detail += "：" + body.errors.map((e) => `${e.field} ${e.message}`).join("；");
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
export async function api(path, { method = "GET", json, form, raw = false } = {}) {
  const headers = {};
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
