// The after-session entry form, quicker: "Another …" adds its row in place instead of
// posting the form back, every row's choice of sources follows the sources as they are
// picked or typed, and a speaker picked from the list brings the party and title they
// hold in the round's delegations, in place of another speaker's. The form works the same
// without it ("Remove this row" always posts the form back without the row).
"use strict";

const MOST_ROWS = 60;

function addRow(button) {
  const prefix = button.value;
  const template = document.getElementById(`${prefix}-template`);
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  if (!template || !total) return false;
  const index = Number(total.value);
  if (index >= MOST_ROWS) return false;
  const markup = template.innerHTML.replaceAll("__prefix__", String(index)).replaceAll("__number__", String(index + 1));
  const row = document.createRange().createContextualFragment(markup).firstElementChild;
  button.closest("p").before(row);
  total.value = String(index + 1);
  const first = row.querySelector("input:not([type=hidden]), select, textarea");
  if (first) first.focus();
  if (prefix === "sources") labelSources();
  return true;
}

// What a source row says of its source: the one picked on record, or the outlet and
// headline typed; the rows' choices ("1: …") follow it.
function sourceLabel(row) {
  const picked = row.querySelector("select[name$='-existing']");
  if (picked && picked.value) return picked.selectedOptions[0].text;
  return ["outlet", "title"]
    .map((name) => row.querySelector(`input[name$='-${name}']`))
    .filter((input) => input && input.value.trim())
    .map((input) => input.value.trim())
    .join(" — ");
}

// The box of one source in a row's choice of sources, made when the source is new.
function citeBox(cites, value) {
  const boxes = [...cites.querySelectorAll("input[type=checkbox]")];
  const found = boxes.find((box) => box.value === value);
  if (found) return found;
  const box = document.createElement("input");
  box.type = "checkbox";
  box.name = cites.dataset.name;
  box.value = value;
  box.id = `id_${cites.dataset.name}_${Number(value) - 1}`;
  const label = document.createElement("label");
  label.htmlFor = box.id;
  label.append(box);
  const line = document.createElement("div");
  line.append(label);
  const last = boxes.at(-1);
  if (last) last.closest("div").after(line);
  else (cites.querySelector("div[id]") || cites).append(line);
  return box;
}

function labelSources() {
  const labels = [...document.querySelectorAll("fieldset.source-row")].map(sourceLabel);
  const choices = [...document.querySelectorAll("[data-cites]")];
  for (const template of document.querySelectorAll("template")) {
    choices.push(...template.content.querySelectorAll("[data-cites]"));
  }
  for (const cites of choices) {
    labels.forEach((label, index) => {
      const value = String(index + 1);
      const box = citeBox(cites, value);
      box.closest("label").replaceChildren(box, ` ${label ? `${value}: ${label}` : `Source ${value}`}`);
    });
  }
}

function speakerOption(name) {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return null;
  for (const option of document.querySelectorAll("#speakers option")) {
    if (option.value.toLowerCase() === wanted) return option;
  }
  return null;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[name=more]");
  if (button && addRow(button)) event.preventDefault();
});

document.addEventListener("input", (event) => {
  if (event.target.closest && event.target.closest("fieldset.source-row")) labelSources();
});

document.addEventListener("change", (event) => {
  if (event.target.closest && event.target.closest("fieldset.source-row")) labelSources();
  const input = event.target;
  if (!input.matches || !input.matches("input[list=speakers]")) return;
  const row = input.closest(".entry-row");
  if (!row || input.dataset.speaker === input.value.trim()) return;
  input.dataset.speaker = input.value.trim();
  // Another speaker: the party and title shown were the last one's, so they follow this
  // one, or clear for the server to fill in from the round's delegations.
  const option = speakerOption(input.value);
  const party = row.querySelector("select[name$='-party']");
  const title = row.querySelector("input[name$='-speaker_title']");
  if (party) party.value = (option && option.dataset.party) || "";
  if (title) title.value = (option && option.dataset.title) || "";
});

document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
