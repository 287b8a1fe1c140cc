// The round set-up form, quicker: "Another …" adds its row in place instead of posting the
// form back, the member rows' choices of delegation and sessions follow the rows as they
// are added or typed, and changing a name forgets the person picked for the old one. The
// form works the same without it.
"use strict";

const MOST_ROWS = { sessions: 40, delegations: 30, members: 200 };

function fromTemplate(prefix, index) {
  const template = document.getElementById(`${prefix}-template`);
  const markup = template.innerHTML.replaceAll("__prefix__", String(index)).replaceAll("__number__", String(index + 1));
  return document.createRange().createContextualFragment(markup).firstElementChild;
}

function addRow(button) {
  const [prefix, delegation] = button.value.split("-");
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  if (!total || !document.getElementById(`${prefix}-template`)) return false;
  const index = Number(total.value);
  if (index >= MOST_ROWS[prefix]) return false;
  const row = fromTemplate(prefix, index);
  button.closest("p").before(row);
  total.value = String(index + 1);
  refreshChoices();
  if (delegation) {
    const picked = row.querySelector("select[name$='-delegation']");
    if (picked) picked.value = delegation;
  }
  const first = row.querySelector("input:not([type=hidden]), select, textarea");
  if (first) first.focus();
  return true;
}

// What a delegation row says of its party: the one picked, or the name typed.
function partyLabel(row) {
  const picked = row.querySelector("select[name$='-party']");
  if (picked && picked.value) return picked.selectedOptions[0].text;
  const typed = row.querySelector("input[name$='-new_party']");
  return typed ? typed.value.trim() : "";
}

function sessionLabel(row) {
  const track = row.querySelector("select[name$='-track']");
  return ["date", "start_time"]
    .map((name) => row.querySelector(`input[name$='-${name}']`))
    .filter((input) => input && input.value)
    .map((input) => input.value)
    .concat(track ? [track.selectedOptions[0].text] : [])
    .join(" ");
}

function everywhere(selector) {
  const found = [...document.querySelectorAll(selector)];
  for (const template of document.querySelectorAll("template")) found.push(...template.content.querySelectorAll(selector));
  return found;
}

// Every member row's delegation choices and session boxes, one a row of those sections.
function refreshChoices() {
  const parties = [...document.querySelectorAll("fieldset.delegation-row")].map(partyLabel);
  for (const select of everywhere("select[data-numbered=delegations]")) {
    parties.forEach((label, index) => {
      const value = String(index + 1);
      let option = [...select.options].find((each) => each.value === value);
      if (!option) {
        option = document.createElement("option");
        option.value = value;
        select.append(option);
      }
      option.text = label ? `${value}: ${label}` : `Delegation ${value}`;
    });
  }
  const sessions = [...document.querySelectorAll("fieldset.session-row")].map(sessionLabel);
  for (const box of everywhere("div[id$='-sessions']")) {
    const name = box.id.replace(/^id_/, "");
    sessions.forEach((label, index) => {
      const value = String(index + 1);
      let input = box.querySelector(`input[value='${value}']`);
      if (!input) {
        const line = document.createElement("div");
        const tag = document.createElement("label");
        input = document.createElement("input");
        Object.assign(input, { type: "checkbox", name, value, id: `${box.id}_${index}` });
        input.dataset.numbered = "sessions";
        tag.htmlFor = input.id;
        tag.append(input, document.createTextNode(""));
        line.append(tag);
        box.append(line);
      }
      input.parentElement.lastChild.textContent = ` ${label ? `${value}: ${label}` : `Session ${value}`}`;
    });
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[name=more]");
  if (button && addRow(button)) event.preventDefault();
});

document.addEventListener("change", (event) => {
  if (event.target.closest("fieldset.delegation-row, fieldset.session-row")) refreshChoices();
});

document.addEventListener("input", (event) => {
  const input = event.target;
  if (input.closest("fieldset.delegation-row, fieldset.session-row")) refreshChoices();
  if (!input.matches("input[name$='-person']")) return;
  // A new name: the person picked for the old one no longer holds.
  const row = input.closest("fieldset.member-row");
  for (const pick of row.querySelectorAll("input[name$='-pick']")) {
    if (pick.type === "radio") pick.checked = false;
    else pick.value = "";
  }
});

document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
