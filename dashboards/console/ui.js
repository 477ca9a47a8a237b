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

/** 11.16 → "11.2": seconds as the explanations write them, one decimal. */
export function seconds(value) {
  return (Math.round(Number(value) * 10) / 10).toFixed(1);
}

const FIELDS = {
  "payment.receipt_no": "罚没收据编号", "payment.method": "缴款方式", "payment": "缴款信息",
  "occurred_at": "开单时间", "measures.fine_cny": "罚款金额", "measures.points": "记分",
  "measures.warning": "警告", "measures.vehicle_detained": "扣留车辆", "measures.license_detained": "扣留驾驶证",
  "violation_type": "违法行为", "plate_region": "号牌归属地", "officer_role": "执法人员身份", "road_user": "交通参与者",
};
const PAY = { bank: "银行缴款", app: "网上缴款", cash_on_spot: "当场收缴现金" };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A field of an enforcement record as a sentence: "罚没收据编号：未填写", not payment.receipt_no = null. */
export function fieldEvidence(field, value, meta) {
  const label = FIELDS[field] || "记录字段";
  let text;
  if (value === null || value === undefined || value === "") text = "未填写";
  else if (typeof value === "boolean") text = value ? "是" : "否";
  else if (field === "measures.fine_cny") text = `${value} 元`;
  else if (field === "measures.points") text = `${value} 分`;
  else if (field === "payment.method") text = PAY[value] || value;
  else if (field === "violation_type") text = meta?.violations?.[value] || value;
  else if (typeof value === "string" && ISO.test(value)) text = when(value);
  else if (typeof value === "object") text = "见执法记录";
  else text = String(value);
  return `${label}：${text}`;
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

/** Run `work` with `button` disabled; errors land in `errors` (an element) in Chinese. A text over
 * its limit is refused before anything is sent; the form's kept text is forgotten on success. */
export async function busy(button, errors, work) {
  const refused = tooLong(button.form);
  if (refused) {
    errors.hidden = false;
    errors.textContent = refused;
    return undefined;
  }
  const label = button.textContent;
  button.disabled = true;
  button.textContent = "处理中…";
  errors.hidden = true;
  try {
    const done = await work();
    if (done !== undefined) forgetTyped(button.form, typist);
    return done;
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
  else if (waiting) note = ` <span class="muted">（剩 ${remaining(days)}）</span>`;
  return `${when(order.deadline)}${note}`;
}

/** Time left as people count it, to the hour: 5.17 days → "5 天 4 小时", 6.9995 → "7 天", 0.2 → "5 小时". */
export function remaining(days) {
  const hours = Math.max(1, Math.round(days * 24));
  const [d, h] = [Math.floor(hours / 24), hours % 24];
  return [d ? `${d} 天` : "", h ? `${h} 小时` : ""].filter(Boolean).join(" ");
}

export function isOverdue(order, now = new Date()) {
  return ["issued", "acknowledged", "returned"].includes(order.status) && order.deadline
    && new Date(order.deadline) < now;
}

let typist = "";
/** Whose typed text is kept (the signed-in user). */
export function typing(username) { typist = username; }

/** Ask before a step that cannot be undone (issue, accept, void…); false: the user declined. */
export function confirmStep(text) {
  return window.confirm(text);
}

/**
 * Long text: a textarea states its limit and counts as the user types. No `maxlength`: it cuts a
 * pasted text silently (issue 16: 3,840 characters pasted, 1,884 saved); too long is refused in
 * words instead, here and by the API (422).
 */
export function counted(max) {
  return `data-max="${max}" aria-describedby="count-${max}-${++counterIds}"`;
}
let counterIds = 0;

const length = (text) => [...text].length;  // characters as the API counts them (code points)

export function watchCounters(root) {
  root.querySelectorAll("textarea[data-max]").forEach((area) => {
    if (area.dataset.counted) return;
    area.dataset.counted = "1";
    const max = Number(area.dataset.max);
    const out = document.createElement("div");
    out.className = "counter small muted";
    out.id = area.getAttribute("aria-describedby");
    out.setAttribute("aria-live", "polite");
    const update = () => {
      const n = length(area.value);
      out.classList.toggle("over", n > max);
      out.textContent = n > max ? `已输入 ${n} 字，超出上限 ${n - max} 字，请删减（最多 ${max} 字）` : `${n} / ${max} 字`;
    };
    area.addEventListener("input", update);
    area.after(out);
    update();
  });
}

/** The refusal for the first over-long textarea of `form`, or "". */
export function tooLong(form) {
  for (const area of form?.querySelectorAll("textarea[data-max]") || []) {
    const max = Number(area.dataset.max);
    const n = length(area.value.trim());
    if (n > max) {
      const label = form.querySelector(`label[for="${area.id}"]`)?.textContent.replace(/（.*$/, "") || "内容";
      return `${label}过长：最多 ${max} 字，现为 ${n} 字，请删减后再提交（不会自动截断）`;
    }
  }
  return "";
}

/**
 * Typed text survives a re-sign-in (issue 16: a decision reason was lost at "登录已失效"): each
 * textarea (and field marked data-keep) of a page is kept in this tab's sessionStorage as it is
 * typed, per user and page, restored when the page is shown again and forgotten once submitted.
 */
const TYPED = "jiancha.typed:";
const typedKey = (who, el) => `${TYPED}${who}:${location.hash}:${el.id || el.name}`;

export function keepTyped(root, who = typist) {
  root.querySelectorAll("textarea[id], input[data-keep]").forEach((el) => {
    const key = typedKey(who, el);
    const saved = sessionStorage.getItem(key);
    if (el.type === "radio") {
      if (saved === el.value) el.checked = true;
      el.addEventListener("change", () => sessionStorage.setItem(key, el.value));
      return;
    }
    if (saved !== null && saved !== el.value) {
      el.value = saved;
      el.dispatchEvent(new Event("input"));
    }
    el.addEventListener("input", () => sessionStorage.setItem(key, el.value));
  });
}

export function forgetTyped(form, who) {
  form?.querySelectorAll("textarea[id], input[data-keep]").forEach((el) => sessionStorage.removeItem(typedKey(who, el)));
}

export function forgetAllTyped() {
  Object.keys(sessionStorage).filter((k) => k.startsWith(TYPED)).forEach((k) => sessionStorage.removeItem(k));
}

/** Where a detail page's "back" goes: the list the user came from, filters and all. */
export function backTo(page, role) {
  const list = role === "squad_leader" && page === "case" ? "orders" : { case: "search", order: "orders", bulletin: "bulletins" }[page];
  const saved = JSON.parse(sessionStorage.getItem("jiancha.back") || "{}")[list];
  const labels = { search: "案件检索", orders: "整改通知", bulletins: "专刊" };
  return { href: saved || `#/${list}`, label: `← 返回${labels[list]}` };
}

export function remember(key, name, value) {
  const all = JSON.parse(sessionStorage.getItem(key) || "{}");
  all[name] = value;
  sessionStorage.setItem(key, JSON.stringify(all));
}

