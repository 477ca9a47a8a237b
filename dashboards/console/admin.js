// 系统管理 (issue 16): accounts and roles, the audit log, the policies, the directory editor.
// Each tab is a route (#/admin/users, #/admin/audit?…, #/admin/policies, #/admin/directory), so a
// filtered audit log can be bookmarked and the back button works.

import { api, query } from "./api.js";
import { busy, empty, esc, focusHeading, h1, toast, when } from "./ui.js";
import { loadNames, squadHtml, squadName } from "./names.js";

const TABS = [
  { id: "users", label: "账号与角色", roles: ["admin"] },
  { id: "audit", label: "审计日志", roles: ["admin", "supervisor"] },
  { id: "policies", label: "执法政策", roles: ["admin", "supervisor"] },
  { id: "directory", label: "名录（中队与民警）", roles: ["admin"] },
];
const ROLES = { admin: "系统管理员", supervisor: "监查中心负责人", reviewer: "监查中心审核员", squad_leader: "中队长" };
const ACTIONS = {
  "auth.login": "登录", "auth.login_failed": "登录失败", "access.refused": "拒绝访问",
  "cases.search": "检索案件", "cases.view": "查看案件", "cases.decide": "审核决定", "clips.search": "检索录像",
  "orders.list": "查看整改通知列表", "orders.view": "查看整改通知", "orders.draft": "起草整改通知",
  "orders.issue": "下发整改通知", "orders.acknowledge": "签收整改通知", "orders.answer": "提交整改汇报",
  "orders.return": "退回整改汇报", "orders.accept": "通过整改汇报", "orders.close": "办结整改通知",
  "orders.attachment": "下载附件", "recordings.upload": "上传录像", "bulletins.list": "查看专刊列表",
  "bulletins.html": "查看专刊", "bulletins.pdf": "下载专刊 PDF", "bulletins.stats": "查看监督概览",
  "bulletins.compile": "汇编专刊", "directory.view": "查看民警档案", "directory.save": "修改名录",
  "users.create": "新建账号", "users.change": "修改账号", "users.reset_password": "重置密码",
};

export async function adminPage(view, ctx) {
  const tabs = TABS.filter((t) => t.roles.includes(ctx.user.role));
  const tab = tabs.find((t) => t.id === ctx.id) || tabs[0];
  view.innerHTML = `${h1("系统管理")}
    <nav class="tabs" aria-label="管理项目">${tabs.map((t) => `<a class="button${t === tab ? "" : " secondary"}"
      href="#/admin/${t.id}"${t === tab ? ' aria-current="page"' : ""}>${esc(t.label)}</a>`).join("")}</nav>
    <div id="tab"></div>`;
  focusHeading(view);
  const box = view.querySelector("#tab");
  await { users: usersTab, audit: auditTab, policies: policiesTab, directory: directoryTab }[tab.id](box, ctx);
}

// -- accounts ----------------------------------------------------------------------------------

let squadsCache = {};

function squadOptions(current = "") {
  return `<option value="">（无）</option>` + Object.keys(squadsCache).sort()
    .map((c) => `<option value="${esc(c)}"${c === current ? " selected" : ""}>${esc(squadName(c))}（${esc(c)}）</option>`).join("");
}

async function refreshSquads() {
  const squads = await api("/directory/squads");
  squadsCache = Object.fromEntries(squads.map((s) => [s.code, s.name]));
  return squads;
}

function roleOptions(current = "reviewer") {
  return Object.entries(ROLES).map(([k, v]) => `<option value="${k}"${k === current ? " selected" : ""}>${v}</option>`).join("");
}

async function usersTab(box, { user }) {
  const [accounts] = await Promise.all([api("/users"), refreshSquads()]);
  box.innerHTML = `
    <form class="card" id="new-user" aria-label="新建账号">
      <h2>新建账号</h2>
      <div class="row">
        <div><label for="u-name">用户名</label><input id="u-name" name="username" required pattern="[A-Za-z0-9._-]+" maxlength="64"></div>
        <div><label for="u-display">姓名</label><input id="u-display" name="display_name" required maxlength="64"></div>
        <div><label for="u-role">角色</label><select id="u-role" name="role">${roleOptions()}</select></div>
        <div><label for="u-squad">中队（仅中队长）</label><select id="u-squad" name="squad_id">${squadOptions()}</select></div>
        <div><label for="u-pass">初始密码（至少 8 位）</label><input id="u-pass" name="password" type="password" required minlength="8" autocomplete="new-password"></div>
        <div class="shrink"><button type="submit">新建</button></div>
      </div>
      <div class="error" role="alert" hidden></div>
    </form>
    <div class="card" id="secret" hidden role="status"></div>
    <table id="accounts"><thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>中队</th><th>状态</th><th>最后修改</th><th>操作</th></tr></thead>
    <tbody>${accounts.map((a) => `<tr data-user="${esc(a.username)}"${a.disabled ? ' class="muted"' : ""}>
      <td>${esc(a.username)}</td><td>${esc(a.display_name)}</td>
      <td><select aria-label="${esc(a.username)} 的角色" data-field="role">${roleOptions(a.role)}</select></td>
      <td><select aria-label="${esc(a.username)} 的中队" data-field="squad_id">${squadOptions(a.squad_id || "")}</select></td>
      <td class="nowrap">${a.disabled ? "已停用" : "正常"}</td><td class="small">${when(a.saved_at)} ${esc(a.saved_by)}</td>
      <td class="actions"><button type="button" class="secondary" data-act="save">保存</button>
        ${a.username === user.username ? "" : `<button type="button" class="secondary" data-act="toggle">${a.disabled ? "启用" : "停用"}</button>`}
        <button type="button" class="secondary" data-act="reset">重置密码</button></td></tr>`).join("")}</tbody></table>
    <div class="error" id="row-error" role="alert" hidden></div>`;
  const form = box.querySelector("#new-user");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = Object.fromEntries(new FormData(form));
    body.squad_id = body.squad_id || null;
    const done = await busy(form.querySelector("button"), form.querySelector(".error"),
      () => api("/users", { method: "POST", json: body }));
    if (done) { toast(`已新建账号 ${done.username}`); await usersTab(box, { user }); }
  });
  const rowError = box.querySelector("#row-error");
  box.querySelectorAll("[data-act]").forEach((b) => b.addEventListener("click", async () => {
    const row = b.closest("tr");
    const username = row.dataset.user;
    const field = (name) => row.querySelector(`[data-field="${name}"]`).value;
    if (b.dataset.act === "save") {
      const done = await busy(b, rowError, () => api(`/users/${encodeURIComponent(username)}`,
        { method: "PATCH", json: { role: field("role"), squad_id: field("squad_id") } }));
      if (done) { toast(`已保存 ${username}：该账号须重新登录`); await usersTab(box, { user }); }
    } else if (b.dataset.act === "toggle") {
      const disable = b.textContent === "停用";
      if (!confirm(`${disable ? "停用" : "启用"}账号 ${username}？${disable ? "停用后该账号立即不能访问。" : ""}`)) return;
      const done = await busy(b, rowError, () => api(`/users/${encodeURIComponent(username)}`,
        { method: "PATCH", json: { disabled: disable } }));
      if (done) { toast(`已${disable ? "停用" : "启用"} ${username}`); await usersTab(box, { user }); }
    } else {
      if (!confirm(`为 ${username} 生成临时密码？原密码与已登录的会话随即失效。`)) return;
      const done = await busy(b, rowError, () => api(`/users/${encodeURIComponent(username)}/password`, { method: "POST", json: {} }));
      if (done) {
        const secret = box.querySelector("#secret");
        secret.hidden = false;
        secret.innerHTML = `${esc(username)} 的临时密码（仅显示一次，请当面转交）：<code id="temporary">${esc(done.temporary_password)}</code>`;
      }
    }
  }));
}

// -- audit log ---------------------------------------------------------------------------------

async function auditTab(box, { params }) {
  const f = Object.fromEntries(["user", "action", "target", "start", "end", "page"].map((k) => [k, params.get(k) || ""]));
  box.innerHTML = `
    <form class="card" id="audit-filters" role="search" aria-label="审计检索条件"><div class="row">
      <div><label for="a-user">用户名</label><input id="a-user" name="user" value="${esc(f.user)}" maxlength="64"></div>
      <div><label for="a-action">操作</label><select id="a-action" name="action"><option value="">全部</option>
        ${Object.entries(ACTIONS).map(([k, v]) => `<option value="${k}"${k === f.action ? " selected" : ""}>${v}</option>`).join("")}</select></div>
      <div><label for="a-target">对象（案件、通知书、账号等编号）</label><input id="a-target" name="target" value="${esc(f.target)}" maxlength="512"></div>
      <div><label for="a-start">日期 自</label><input id="a-start" name="start" type="date" value="${esc(f.start)}"></div>
      <div><label for="a-end">至</label><input id="a-end" name="end" type="date" value="${esc(f.end)}"></div>
      <div class="shrink"><button type="submit">查询</button></div></div></form>
    <div id="audit-results"></div>`;
  const form = box.querySelector("#audit-filters");
  const go = (page = "") => { location.hash = `#/admin/audit${query({ ...Object.fromEntries(new FormData(form)), page })}`; };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); go(); });
  const day = (d, endOfDay) => (d ? `${d}T${endOfDay ? "23:59:59" : "00:00:00"}+08:00` : "");
  const res = await api(`/audit${query({ user: f.user.trim(), action: f.action, target: f.target.trim(),
    start: day(f.start), end: day(f.end, true), page: f.page, size: 50 })}`);
  const out = box.querySelector("#audit-results");
  if (!res.items.length) { out.innerHTML = empty("没有符合条件的审计记录。"); return; }
  const pages = Math.ceil(res.total / res.size);
  out.innerHTML = `<p class="muted">共 ${res.total} 条，最新的在前</p>
    <table id="audit"><thead><tr><th>时间</th><th>用户</th><th>角色</th><th>操作</th><th>对象</th><th>来源</th></tr></thead>
    <tbody>${res.items.map((a) => `<tr><td class="nowrap">${when(a.at)}</td><td>${esc(a.actor)}</td>
      <td>${esc(ROLES[a.role] || a.role)}${a.squad_id ? ` · ${squadHtml(a.squad_id)}` : ""}</td>
      <td>${esc(ACTIONS[a.action] || a.action)}${a.detail?.status ? `（${esc(a.detail.status)}）` : ""}</td>
      <td>${esc(a.target)}</td><td class="small">${esc(a.client_ip)}</td></tr>`).join("")}</tbody></table>
    ${pages > 1 ? `<nav class="row" aria-label="翻页" style="justify-content:center">
      ${res.page > 1 ? `<button type="button" class="secondary shrink" data-page="${res.page - 1}">上一页</button>` : ""}
      <span class="shrink muted">第 ${res.page} / ${pages} 页</span>
      ${res.page < pages ? `<button type="button" class="secondary shrink" data-page="${res.page + 1}">下一页</button>` : ""}</nav>` : ""}`;
  out.querySelectorAll("[data-page]").forEach((b) => b.addEventListener("click", () => go(b.dataset.page)));
}

// -- policies ----------------------------------------------------------------------------------

const SCOPES = { plate_region_not: "号牌地区除外", plate_region_in: "号牌地区", violation_types: "违法类型", road_users: "道路使用者", hours: "时段" };

async function policiesTab(box, { meta }) {
  const policies = await api("/policies");
  if (!policies.length) { box.innerHTML = empty("没有执法政策。"); return; }
  const scope = (p) => Object.entries(p.scope).map(([k, v]) => `${SCOPES[k] || k}：${v.map((x) =>
    esc(k === "violation_types" ? meta.violations[x] || x : x)).join("、")}`).join("<br>") || "全部";
  box.innerHTML = `<p class="muted">初始配置与政策主题合并（同编号以政策主题为准）；分析引擎据此判断“只纠正不处罚”等减免。</p>
    <table id="policies"><thead><tr><th>政策</th><th>效力</th><th>有效期</th><th>适用范围</th><th>来源</th></tr></thead>
    <tbody>${policies.map((p) => `<tr><td><strong>${esc(p.name)}</strong><div class="small muted">${esc(p.policy_id)}</div></td>
      <td>${esc(p.effect_label)}</td><td class="nowrap">${when(p.valid_from)}<br>至 ${when(p.valid_to)}</td>
      <td class="small">${scope(p)}</td><td>${p.source === "topic" ? "政策主题" : "初始配置"}</td></tr>`).join("")}</tbody></table>`;
}

// -- directory ---------------------------------------------------------------------------------

async function directoryTab(box) {
  const [squads, officers] = await Promise.all([refreshSquads(), api("/directory/officers")]);
  box.innerHTML = `
    <div class="detail">
      <section class="card" aria-labelledby="squads-h"><h2 id="squads-h">中队（${squads.length}）</h2>
        <form id="squad-form" class="row" aria-label="新建或修改中队">
          <div><label for="s-code">代码</label><input id="s-code" name="code" required pattern="[A-Za-z0-9][A-Za-z0-9._-]*" maxlength="64"></div>
          <div><label for="s-name">名称</label><input id="s-name" name="name" required maxlength="40"></div>
          <div><label for="s-brigade">所属大队</label><input id="s-brigade" name="brigade" maxlength="40"></div>
          <div class="shrink"><button type="submit">保存中队</button></div>
        </form><div class="error" role="alert" hidden></div>
        <table id="squads"><thead><tr><th>代码</th><th>名称</th><th>所属大队</th><th></th></tr></thead>
        <tbody>${squads.map((s) => `<tr><td>${esc(s.code)}</td><td>${esc(s.name)}</td><td>${esc(s.brigade || "")}</td>
          <td><button type="button" class="link" data-squad="${esc(s.code)}">修改</button></td></tr>`).join("")}</tbody></table>
      </section>
      <section class="card" aria-labelledby="officer-h"><h2 id="officer-h">民警与辅警（${officers.length}）</h2>
        <form id="officer-form" aria-label="新建或修改民警">
          <div class="row">
            <div><label for="o-id">民警编号</label><input id="o-id" name="officer_id" required pattern="[A-Za-z0-9][A-Za-z0-9._-]*" maxlength="64"></div>
            <div><label for="o-name">姓名</label><input id="o-name" name="name" required maxlength="20"></div>
            <div><label for="o-number">警号</label><input id="o-number" name="police_number" maxlength="20"></div>
            <div><label for="o-role">身份</label><select id="o-role" name="role"><option value="officer">民警</option><option value="auxiliary">辅警</option></select></div>
          </div>
          <fieldset><legend>任职记录（调动中队时新增一条，并填写原中队的调离日期）</legend><div id="postings"></div>
            <button type="button" class="secondary" id="add-posting">增加任职记录</button></fieldset>
          <div class="error" role="alert" hidden></div>
          <button type="submit">保存民警</button>
        </form>
        <div class="row"><div><label for="o-filter">查找</label><input id="o-filter" placeholder="姓名、编号或警号"></div></div>
        <table id="officers"><thead><tr><th>编号</th><th>姓名</th><th>警号</th><th>身份</th><th>现中队</th><th></th></tr></thead>
        <tbody>${officers.map((o) => `<tr data-find="${esc(`${o.code} ${o.name} ${o.police_number}`.toLowerCase())}">
          <td>${esc(o.code)}</td><td>${esc(o.name)}</td><td>${esc(o.police_number || "")}</td><td>${esc(o.role_label)}</td>
          <td>${squadHtml(o.squad_id)}${o.postings.length > 1 ? `<div class="small muted">曾在 ${o.postings.slice(0, -1).map((p) => esc(p.squad_name || p.squad_id)).join("、")}</div>` : ""}</td>
          <td><button type="button" class="link" data-officer="${esc(o.code)}">修改</button></td></tr>`).join("")}</tbody></table>
      </section>
    </div>`;
  const squadForm = box.querySelector("#squad-form");
  squadForm.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const { code, name, brigade } = Object.fromEntries(new FormData(squadForm));
    const done = await busy(squadForm.querySelector("button"), squadForm.nextElementSibling,
      () => api(`/directory/squads/${encodeURIComponent(code.trim())}`, { method: "PUT", json: { name, brigade } }));
    if (done) { toast(`已保存中队 ${done.name}`); await loadNames(true); await directoryTab(box); }
  });
  box.querySelectorAll("[data-squad]").forEach((b) => b.addEventListener("click", () => {
    const s = squads.find((x) => x.code === b.dataset.squad);
    squadForm.elements.code.value = s.code;
    squadForm.elements.name.value = s.name;
    squadForm.elements.brigade.value = s.brigade || "";
    squadForm.elements.name.focus();
  }));

  const form = box.querySelector("#officer-form");
  const postings = form.querySelector("#postings");
  let rows = 0;
  const addPosting = (p = {}) => {
    const n = ++rows;
    const div = document.createElement("div");
    div.className = "row posting";
    div.innerHTML = `<div><label for="p-squad-${n}">中队</label><select id="p-squad-${n}" data-p="squad_id">${squadOptions(p.squad_id || "")}</select></div>
      <div><label for="p-since-${n}">调入日期</label><input id="p-since-${n}" type="date" data-p="since" value="${esc(p.since || "")}" required></div>
      <div><label for="p-until-${n}">调离日期（在任留空）</label><input id="p-until-${n}" type="date" data-p="until" value="${esc(p.until || "")}"></div>
      <div class="shrink"><button type="button" class="link" data-remove>删除</button></div>`;
    div.querySelector("[data-remove]").addEventListener("click", () => div.remove());
    postings.append(div);
  };
  addPosting();
  form.querySelector("#add-posting").addEventListener("click", () => addPosting());
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const el = form.elements;
    const body = {
      name: el.name.value.trim(), police_number: el.police_number.value.trim(), role: el.role.value,
      postings: [...postings.querySelectorAll(".posting")].map((d) => {
        const v = (k) => d.querySelector(`[data-p="${k}"]`).value;
        return { squad_id: v("squad_id"), since: v("since"), until: v("until") || null };
      }),
    };
    const errors = form.querySelector(".error");
    if (body.postings.some((p) => !p.squad_id || !p.since)) {
      errors.hidden = false;
      errors.textContent = "每条任职记录须选择中队并填写调入日期";
      return;
    }
    const done = await busy(form.querySelector("button[type=submit]"), errors,
      () => api(`/directory/officers/${encodeURIComponent(el.officer_id.value.trim())}`, { method: "PUT", json: body }));
    if (done) { toast(`已保存 ${done.name}（${done.code}）`); await loadNames(true); await directoryTab(box); }
  });
  box.querySelectorAll("[data-officer]").forEach((b) => b.addEventListener("click", () => {
    const o = officers.find((x) => x.code === b.dataset.officer);
    const el = form.elements;
    el.officer_id.value = o.code;
    el.name.value = o.name;
    el.police_number.value = o.police_number || "";
    el.role.value = o.role;
    postings.innerHTML = "";
    o.postings.forEach((p) => addPosting(p));
    el.name.focus();
  }));
  const filter = box.querySelector("#o-filter");
  filter.addEventListener("input", () => {
    const q = filter.value.trim().toLowerCase();
    box.querySelectorAll("#officers tbody tr").forEach((tr) => { tr.hidden = q && !tr.dataset.find.includes(q); });
  });
}
