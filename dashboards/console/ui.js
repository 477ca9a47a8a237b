// Small helpers shared by the pages: escaping, dates, states, badges.

export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const BJ = { timeZone: "Asia/Shanghai", hour12: false };

/** 2026-04-01 18:32 (Beijing time: the detachment's clock). */
export function when(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  const p = Object.fromEntries(new Intl.DateTimeFormat("zh-CN", {
    ...BJ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 75.3 → "01:15". */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

export function loading(text = "加载中…") {
  return `<p class="loading" role="status">${esc(text)}</p>`;
}

export function empty(text) {
  return `<div class="empty" role="status">${esc(text)}</div>`;
}

export function showError(where, err) {
  const box = document.createElement("div");
  box.className = "error";
  box.setAttribute("role", "alert");
  box.textContent = err?.message || String(err);
  where.querySelector(".loading")?.remove();
  where.append(box);
  return box;
}

export function h1(text) {
  return `<h1 tabindex="-1">${esc(text)}</h1>`;
}

/** Focus the page heading after a route change, for keyboard and screen-reader users. */
export function focusHeading(where) {
  where.querySelector("h1")?.focus({ preventScroll: true });
}

export function badge(cls, text) {
  return `<span class="badge ${esc(cls)}">${esc(text)}</span>`;
}

let toastTimer;
export function toast(text) {
  const box = document.getElementById("toast");
  box.textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.textContent = ""; }, 4000);
}

/** Run `work` with `button` disabled; errors land in `errors` (an element) in Chinese. */
export async function busy(button, errors, work) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = "处理中…";
  errors.hidden = true;
  try {
    return await work();
  } catch (err) {
    errors.hidden = false;
    errors.textContent = err.message;
    return undefined;
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/** The deadline as people read it: remaining days, or how long overdue (red). */
export function deadlineText(order, now = new Date()) {
  if (!order.deadline) return "—";
  const waiting = ["issued", "acknowledged", "returned"].includes(order.status);
  const days = (new Date(order.deadline) - now) / 86_400_000;
  let note = "";
  const late = -days < 1 ? `${Math.ceil(-days * 24)} 小时` : `${Math.floor(-days)} 天`;
  if (waiting && days < 0) note = ` <strong class="late">已逾期 ${late}</strong>`;
  else if (waiting) note = ` <span class="muted">（剩 ${Math.max(1, Math.ceil(days))} 天）</span>`;
  return `${when(order.deadline)}${note}`;
}

export function isOverdue(order, now = new Date()) {
  return ["issued", "acknowledged", "returned"].includes(order.status) && order.deadline
    && new Date(order.deadline) < now;
}
