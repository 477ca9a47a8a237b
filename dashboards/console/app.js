// 监察控制台: sign-in, a hash router and the pages. Plain ES modules, no build step.

import { api, keepAlive, session, whenUnauthorized } from "./api.js";
import { caseDetail, searchPage } from "./cases.js";
import { orderDetail, ordersPage } from "./orders.js";
import { overviewPage } from "./overview.js";
import { queuePage, showInbox } from "./queue.js";
import { bulletinPage, bulletinsPage } from "./bulletins.js";
import { alertsPage, assessmentPage, officerPage } from "./warning.js";
import { adminPage } from "./admin.js";
import { forgetNames, loadNames, squadName } from "./names.js";
import { spotcheckDetail, spotchecksPage, spotSample } from "./spotchecks.js";
import { backTo, esc, forgetAllTyped, keepTyped, loading, remember, showError, toast, typing, watchCounters } from "./ui.js";

const view = document.getElementById("view");
const ctx = { user: null, meta: null };

const PAGES = [
  { path: "search", label: "案件检索", roles: ["admin", "supervisor", "reviewer"], render: searchPage },
  { path: "queue", label: "我的待办", roles: ["supervisor", "reviewer"], render: queuePage },
  { path: "orders", label: "整改通知", roles: ["supervisor", "reviewer", "squad_leader"], render: ordersPage },
  { path: "spotchecks", label: "随机抽查", roles: ["supervisor", "reviewer", "squad_leader"], render: spotchecksPage },
  { path: "overview", label: "监督概览", roles: ["admin", "supervisor", "reviewer"], render: overviewPage },
  { path: "bulletins", label: "专刊", roles: null, render: bulletinsPage },
  { path: "alerts", label: "民警预警", roles: ["supervisor"], render: alertsPage },
  { path: "assessment", label: "月度考核", roles: ["supervisor", "reviewer", "squad_leader"], render: assessmentPage },
  { path: "admin", label: "系统管理", roles: ["admin", "supervisor"], render: adminPage },
];
const DETAILS = { case: caseDetail, order: orderDetail, bulletin: bulletinPage, officer: officerPage, spotcheck: spotcheckDetail, spotsample: spotSample };
const HOME = { squad_leader: "orders", supervisor: "overview" };
const LIST_OF = { case: "search", order: "orders", bulletin: "bulletins", officer: "alerts", spotcheck: "spotchecks", spotsample: "spotchecks" };
const SCROLLS = "jiancha.scroll";

function route() {
  const [path, qs] = location.hash.replace(/^#\/?/, "").split("?");
  const [page, ...rest] = path.split("/");
  return { page, id: rest.map(decodeURIComponent).join("/"), params: new URLSearchParams(qs || "") };
}

function allowed(page) {
  return !page.roles || page.roles.includes(ctx.user.role);
}

function renderNav(current) {
  const nav = document.getElementById("nav");
  nav.innerHTML = PAGES.filter(allowed)
    .map((p) => `<a href="#/${p.path}"${p.path === current ? ' aria-current="page"' : ""}>${p.label}</a>`)
    .join("");
  document.getElementById("who").textContent = whoText(ctx.user);
  showInbox(nav);  // the badge: new orders, my queue (not awaited: a hint, not the page)
}

/** 张三（监查中心审核员）; a display name that is the role itself is not repeated. */
function whoText(user) {
  const labels = { admin: "管理员", supervisor: "监查中心负责人", reviewer: "监查中心审核员", squad_leader: "中队长" };
  const role = labels[user.role] + (user.squad_id ? ` · ${squadName(user.squad_id)}` : "");
  return user.display_name === labels[user.role] ? role : `${user.display_name}（${role}）`;
}

let renders = 0;  // the latest render wins: an older one still waiting must not replace it

async function render() {
  const mine = ++renders;
  if (!session.token) await session.borrow();  // a new tab: another open tab lends its session
  if (mine !== renders) return;
  if (!session.token) return loginPage();
  if (!ctx.user) {
    view.innerHTML = loading();
    try {
      const [user, meta] = await Promise.all([api("/auth/me"), api("/console/meta.json"), loadNames()]);
      [ctx.user, ctx.meta] = [user, meta];
      typing(user.username);
    } catch (err) {
      if (mine !== renders) return;
      if (err.status === 401) return;  // whenUnauthorized shows the sign-in
      view.innerHTML = "";
      return showError(view, err);
    }
    if (mine !== renders) return;
  }
  document.querySelector(".top").hidden = false;
  const { page, id, params } = route();
  const listed = PAGES.find((p) => p.path === page);
  const detail = DETAILS[page];
  if ((!listed && !detail) || (listed && !allowed(listed))) {
    location.replace(`#/${HOME[ctx.user.role] || PAGES.find(allowed).path}`);
    return;
  }
  const navPage = listed ? page : LIST_OF[page];
  renderNav(navPage);
  if (listed) remember("jiancha.back", page, location.hash);
  // Each page renders into a box of its own: a slower, superseded page writes to a detached box.
  const box = document.createElement("div");
  box.innerHTML = loading();
  view.replaceChildren(box);
  delete view.dataset.rendered;
  const hash = location.hash;
  try {
    await (listed ? listed.render : detail)(box, { ...ctx, id, params });
  } catch (err) {
    if (err.status === 401) return;
    showError(box, err);
    if (detail) {  // "案件不存在" is no dead end: the way back is right under it
      const back = backTo(page, ctx.user.role);
      box.insertAdjacentHTML("beforeend", `<p><a href="${esc(back.href)}">${esc(back.label)}</a></p>`);
    }
  }
  keepTyped(box);  // what was typed here before a re-sign-in comes back
  watchCounters(box);
  if (location.hash !== hash || mine !== renders) return;
  view.dataset.rendered = hash;  // a finished page (tests wait for it)
  // Back on a list, the reader is where he left it (a fresh page starts at the top).
  window.scrollTo(0, JSON.parse(sessionStorage.getItem(SCROLLS) || "{}")[hash] || 0);
}

/** The scroll position of the page being left, for when the user comes back to it. */
function leaving(ev) {
  const old = new URL(ev.oldURL).hash;
  if (old) remember(SCROLLS, old, window.scrollY);
}

function loginPage(message = "") {
  document.querySelector(".top").hidden = true;
  view.innerHTML = `
    <form class="card login" id="login" novalidate>
      <h1>监察</h1>
      <p class="sub">交通执法监督控制台</p>
      <div class="error" role="alert" ${message ? "" : "hidden"}>${esc(message)}</div>
      <div class="field"><label for="username">用户名</label>
        <input id="username" name="username" autocomplete="username" required></div>
      <div class="field"><label for="password">密码</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required></div>
      <button type="submit" style="width:100%">登录</button>
    </form>`;
  const form = document.getElementById("login");
  const alert = form.querySelector("[role=alert]");
  form.username.focus();
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!form.username.value.trim() || !form.password.value) {
      alert.hidden = false;
      alert.textContent = "请输入用户名和密码";
      return;
    }
    const button = form.querySelector("button");
    button.disabled = true;
    button.textContent = "登录中…";
    try {
      const body = new URLSearchParams({ username: form.username.value.trim(), password: form.password.value });
      const token = await api("/auth/token", { method: "POST", form: body });
      session.share(token.access_token);
      ctx.user = null;
      if (!location.hash || location.hash === "#/login") location.hash = "#/";  // renders (hashchange)
      else await render();
    } catch (err) {
      alert.hidden = false;
      alert.textContent = err.status === 401 ? "用户名或密码错误" : err.message;
      button.disabled = false;
      button.textContent = "登录";
    }
  });
}

/**
 * Sign out. An expired session keeps the page (its hash) and what was typed on it, so signing in
 * again returns there with the text; signing out on purpose forgets both, in every tab.
 */
function logout(message = "", { expired = false } = {}) {
  if (expired) {
    session.token = null;
  } else {
    session.share(null);
    forgetAllTyped();
    history.replaceState(null, "", location.pathname);
  }
  ctx.user = null;
  forgetNames();
  loginPage(message);
}

whenUnauthorized(() => logout("登录已失效，请重新登录（页面与已填写的内容会保留）", { expired: true }));
session.whenSignedOut(() => { ctx.user = null; history.replaceState(null, "", location.pathname); loginPage("已在其他标签页退出登录"); });
document.getElementById("logout").addEventListener("click", () => { logout(); toast("已退出登录"); });
for (const kind of ["keydown", "pointerdown"]) document.addEventListener(kind, keepAlive, { passive: true });
window.addEventListener("hashchange", (ev) => { if (ev.oldURL) leaving(ev); render(); });
history.scrollRestoration = "manual";  // the router restores it once the page has rendered
document.querySelector(".skip").addEventListener("click", (ev) => {
  ev.preventDefault();  // an href="#view" would be taken for a route
  const target = view.querySelector("[data-skip-target]") || view.querySelector("h1") || view;
  target.focus();
});
render();
