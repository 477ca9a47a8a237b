// Names, not ids (issue 16): the directory's names for squad codes and officer ids, fetched once
// per sign-in (GET /directory/names) and kept in memory; autocomplete for the id fields.

import { api, query } from "./api.js";
import { esc } from "./ui.js";

let maps = { squads: {}, officers: {}, people: {} };
let loading = null;

/** Fetch the name maps (once; `fresh` after an edit). Pages still work without them: ids show. */
export function loadNames(fresh = false) {
  if (!loading || fresh) {
    // The directory's names, over the seed names of squads (GET /console/names.json, which also
    // gives the accounts' display names: history and decisions name people, not usernames).
    const console = api("/console/names.json").catch(() => ({}));
    loading = Promise.all([api("/directory/names").catch(() => ({})), console]).then(([d, c]) => {
      maps = {
        squads: { ...(c.squads || {}), ...(d.squads || {}) },
        officers: { ...(c.officers || {}), ...(d.officers || {}) },
        people: c.people || {},
      };
    }, () => { loading = null; });
  }
  return loading;
}

export function forgetNames() {
  maps = { squads: {}, officers: {}, people: {} };
  loading = null;
}

export function squadName(code) {
  return code ? maps.squads[code] || code : "—";
}

/** reviewer → 王审核: an account's display name. */
export function personName(username) {
  return username ? maps.people[username] || username : "";
}

export function officerName(id) {
  return id ? maps.officers[id] || id : "—";
}

/** HTML: the squad's name, its code on hover. */
export function squadHtml(code) {
  const name = maps.squads[code];
  return name ? `<span title="${esc(code)}">${esc(name)}</span>` : esc(code || "—");
}

/** HTML: the officer's name with his id (how records and the radio find him). */
export function officerHtml(id) {
  const name = maps.officers[id];
  return name ? `${esc(name)}<span class="muted">（${esc(id)}）</span>` : esc(id || "—");
}

/** The code a field holds: a code as typed (any case), or the code of a name typed in full. */
export function toCode(kind, value) {
  const v = (value || "").trim();
  if (!v) return "";
  const map = kind === "squad" ? maps.squads : maps.officers;
  const lower = v.toLowerCase();
  const byCode = Object.keys(map).find((k) => k.toLowerCase() === lower);
  if (byCode) return byCode;
  const byName = Object.entries(map).filter(([, n]) => n === v);
  return byName.length === 1 ? byName[0][0] : v;
}

let lists = 0;

/** Suggest names and codes under `input` as the user types (a native <datalist>: keyboard-ready). */
export function autocomplete(input, kind) {
  const list = document.createElement("datalist");
  list.id = `names-${kind}-${++lists}`;
  input.after(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  let timer;
  let asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q || q === asked) return;
    timer = setTimeout(async () => {
      asked = q;
      try {
        const found = await api(`/directory/search${query({ q, kind, size: 8 })}`);
        list.innerHTML = found.map((e) => `<option value="${esc(e.code)}">${esc(e.name)}${
          e.kind === "officer" ? ` · ${esc(e.role_label)} · ${esc(squadName(e.squad_id))}` : ` · ${esc(e.brigade || "")}`}</option>`).join("");
      } catch { /* suggestions are a help, not a need */ }
    }, 200);
  });
  return list;
}
