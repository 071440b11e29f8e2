#include "reports/zelftest_form.hpp"

#include <algorithm>

#include "reports/html.hpp"

#include "reports/audit_sheet.hpp"

namespace wmotoets {

namespace {

constexpr const char* kStyle =
    R"(body{font-family:system-ui,"Segoe UI",Arial,sans-serif;max-width:56em;margin:1.5em auto;padding:0 1em;line-height:1.45;color:#111;background:#fff}
h1{font-size:1.5em}h2{color:#1f4e79;border-bottom:2px solid #1f4e79;margin-top:2em}label{font-weight:600}
.meta{display:grid;grid-template-columns:12em 1fr;gap:.5em 1em;align-items:center}
input[type=text],input[type=date],textarea,select{font:inherit;padding:.3em;border:1px solid #555;border-radius:3px;width:100%;box-sizing:border-box}
fieldset{border:1px solid #999;border-radius:4px;margin:1em 0;padding:.6em 1em}legend{font-weight:600;padding:0 .3em}
.choices label{font-weight:400;margin-right:1.2em;white-space:nowrap}.law{color:#444;font-size:.9em}
.warn{color:#8a4b00;font-size:.9em;min-height:1.2em}.ok{color:#1d6b2a}.bar{position:sticky;top:0;background:#f3f6fa;border-bottom:1px solid #bbb;padding:.5em 1em;margin:0 -1em;z-index:1}
button{font:inherit;padding:.4em 1em;margin-right:.5em;border:1px solid #1f4e79;background:#1f4e79;color:#fff;border-radius:3px;cursor:pointer}
button.secondary{background:#fff;color:#1f4e79}:focus-visible{outline:3px solid #e67e22;outline-offset:2px}
table.areas td{padding:.2em .5em;border-bottom:1px solid #ddd}
@media print{.bar button,.bar input{display:none}}
@media (max-width:40em){body{padding:0 .5em;overflow-wrap:break-word}.bar{margin:0 -.5em}.meta{grid-template-columns:1fr}
.choices label{white-space:normal}input[type=file]{max-width:100%}table{display:block;overflow-x:auto;max-width:100%}}
)";

// The page's script: progress, validation, saving and loading. Field names: `q.ID` (answer),
// `q.ID.AREA` (ZT-LEV-1), `t.ID` (toelichting), `b.ID` (bron).
constexpr const char* kScript = R"JS(
'use strict';
const vragen = JSON.parse(document.getElementById('vragen').textContent);
const form = document.getElementById('zelftest');
function radio(name) { const r = form.querySelector('input[name="' + CSS.escape(name) + '"]:checked'); return r ? r.value : ''; }
function setRadio(name, value) {
  form.querySelectorAll('input[name="' + CSS.escape(name) + '"]').forEach(r => { r.checked = (r.value === value); });
}
function answered(v) {
  if (v.levensgebieden.length) return v.levensgebieden.every(a => radio('q.' + v.id + '.' + a.id) !== '');
  return radio('q.' + v.id) !== '';
}
function anyAnswer(v) {
  if (v.levensgebieden.length) return v.levensgebieden.some(a => radio('q.' + v.id + '.' + a.id) !== '');
  return radio('q.' + v.id) !== '';
}
function update() {
  let n = 0;
  for (const v of vragen) {
    const done = answered(v);
    if (done) n++;
    const warn = document.getElementById('w.' + v.id);
    const bron = form.elements['b.' + v.id].value.trim();
    let msg = '';
    if (anyAnswer(v) && !done) msg = 'Nog niet alle levensgebieden beantwoord.';
    else if (done && !bron && radio('q.' + v.id) !== 'weet_niet') msg = 'Nog geen bron: waar is dit vastgelegd?';
    warn.textContent = msg;
  }
  const meta = ['gemeente', 'perspectief'].filter(k => !form.elements[k].value.trim());
  document.getElementById('w.meta').textContent = meta.length ? 'Vul nog in: ' + meta.join(', ') + '.' : '';
  const p = document.getElementById('voortgang');
  p.value = n;
  document.getElementById('voortgang-tekst').textContent = n + ' van ' + vragen.length + ' beantwoord';
}
function collect() {
  const out = { gemeente: form.elements.gemeente.value.trim(), perspectief: form.elements.perspectief.value.trim(),
                ingevuld_door: form.elements.ingevuld_door.value.trim(), datum: form.elements.datum.value, antwoorden: {} };
  for (const v of vragen) {
    const a = {};
    if (v.levensgebieden.length) {
      const areas = {};
      for (const g of v.levensgebieden) { const x = radio('q.' + v.id + '.' + g.id); if (x) areas[g.id] = x; }
      if (Object.keys(areas).length) a.levensgebieden = areas;
    } else {
      const x = radio('q.' + v.id);
      if (x) a.antwoord = x;
    }
    const t = form.elements['t.' + v.id].value.trim(), b = form.elements['b.' + v.id].value.trim();
    if (t) a.toelichting = t;
    if (b) a.bron = b;
    if (Object.keys(a).length) out.antwoorden[v.id] = a;
  }
  return out;
}
function fill(data) {
  form.reset();
  for (const k of ['gemeente', 'perspectief', 'ingevuld_door', 'datum']) if (typeof data[k] === 'string') form.elements[k].value = data[k];
  const ids = new Set(vragen.map(v => v.id));
  for (const [id, a] of Object.entries(data.antwoorden || {})) {
    if (!ids.has(id)) throw new Error('onbekende vraag ' + id);
    if (a.antwoord) setRadio('q.' + id, a.antwoord);
    for (const [area, x] of Object.entries(a.levensgebieden || {})) setRadio('q.' + id + '.' + area, x);
    form.elements['t.' + id].value = a.toelichting || '';
    form.elements['b.' + id].value = a.bron || '';
  }
  update();
}
document.getElementById('opslaan').addEventListener('click', () => {
  const data = collect();
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'zelftest-' + (data.perspectief || 'antwoorden').replace(/[^a-z0-9_-]+/gi, '-') + '.json';
  document.body.appendChild(a);
  a.click();
  a.remove();
  document.getElementById('status').textContent = 'Opgeslagen als ' + a.download + '.';
});
document.getElementById('laden').addEventListener('change', e => {
  const file = e.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    try { fill(JSON.parse(reader.result)); document.getElementById('status').textContent = file.name + ' geladen.'; }
    catch (err) { document.getElementById('status').textContent = file.name + ': geen geldig antwoordbestand (' + err.message + ').'; }
  };
  reader.readAsText(file);
});
form.addEventListener('input', update);
form.addEventListener('change', update);
update();
)JS";

// A JSON string literal that is also safe inside <script>.
std::string js_string(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '<': out += "\\u003c"; break;
        default: out += c;
        }
    }
    return out + "\"";
}

void choices(std::ostream& out, const std::string& name, const std::string& label_id) {
    static const char* answers[][2] = {{"ja", "ja"}, {"deels", "deels"}, {"nee", "nee"}, {"weet_niet", "weet niet"}};
    out << "<div class=\"choices\" role=\"radiogroup\" aria-labelledby=\"" << label_id << "\">";
    for (const auto& a : answers)
        out << "<label><input type=\"radio\" name=\"" << name << "\" value=\"" << a[0] << "\"> " << a[1] << "</label>";
    out << "</div>\n";
}

}  // namespace

void write_zelftest_form(std::ostream& out, const ZelftestQuestions& q) {
    out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>Zelftest cliëntondersteuning — invulformulier</title>\n<style>"
        << kStyle << "</style>\n</head>\n<body>\n";
    std::size_t answers = 0;  // a question per levensgebied counts once per levensgebied
    for (const ZelftestQuestion& question : q.questions)
        answers += std::max<std::size_t>(1, question.levensgebieden.size());
    out << "<h1>Zelftest cliëntondersteuning</h1>\n<p>De zelftest van de VNG: " << q.questions.size() << " vragen in "
        << q.themes.size() << " thema's, samen " << answers
        << " antwoorden (bij één vraag geeft u een antwoord per levensgebied). Beantwoord ze vanuit uw eigen rol — "
           "als gemeente, Wmo-adviesraad, cliëntenorganisatie of anders — en noem bij elk antwoord waar het op "
           "berust. Klik als u klaar bent op <b>Opslaan als bestand</b> en stuur dat bestand naar wie het gesprek "
           "voorbereidt; die zet de antwoorden van alle partijen naast elkaar, met wat de dossiers erover zeggen. "
           "U kunt tussendoor opslaan en later verdergaan met <b>Eerder bestand laden</b>. Dit formulier werkt zonder "
           "internet; er wordt niets verstuurd.</p>\n";
    out << "<form id=\"zelftest\" novalidate>\n<div class=\"bar\" aria-live=\"polite\"><label "
           "for=\"voortgang\">Voortgang</label> "
           "<progress id=\"voortgang\" max=\""
        << q.questions.size()
        << "\" value=\"0\"></progress> <span id=\"voortgang-tekst\"></span>"
           " &nbsp; <button type=\"button\" id=\"opslaan\">Opslaan als bestand</button>"
           "<label class=\"secondary\" for=\"laden\" style=\"font-weight:400\">Eerder bestand laden:</label> "
           "<input type=\"file\" id=\"laden\" accept=\".json,application/json\"> <span id=\"status\" "
           "role=\"status\"></span></div>\n";
    out << "<h2>Over deze invulling</h2>\n<div class=\"meta\">\n"
           "<label for=\"gemeente\">Gemeente</label><input type=\"text\" id=\"gemeente\" name=\"gemeente\" required>\n"
           "<label for=\"perspectief\">Perspectief</label><select id=\"perspectief\" name=\"perspectief\" required>"
           "<option value=\"\">(kies)</option><option value=\"gemeente\">gemeente</option>"
           "<option value=\"wmo-adviesraad\">Wmo-adviesraad</option>"
           "<option value=\"clientenorganisatie\">cliëntenorganisatie</option>"
           "<option value=\"anders\">anders</option></select>\n"
           "<label for=\"ingevuld_door\">Ingevuld door</label><input type=\"text\" id=\"ingevuld_door\" "
           "name=\"ingevuld_door\">\n"
           "<label for=\"datum\">Datum</label><input type=\"date\" id=\"datum\" name=\"datum\">\n</div>\n"
           "<p class=\"warn\" id=\"w.meta\" aria-live=\"polite\"></p>\n";
    for (const ZelftestTheme& t : q.themes) {
        out << "<h2>" << html_escape(t.name) << "</h2>\n<p>" << html_escape(t.explanation)
            << "</p>\n<p class=\"law\">Wet: ";
        for (std::size_t i = 0; i < t.law.size(); ++i) out << (i ? "; " : "") << html_escape(t.law[i]);
        out << "</p>\n";
        for (const ZelftestQuestion& v : q.questions) {
            if (v.theme != t.id) continue;
            const std::string legend = "l." + v.id;
            out << "<fieldset id=\"" << v.id << "\"><legend id=\"" << legend << "\">" << v.id << " — "
                << html_escape(v.text) << "</legend>\n";
            if (v.levensgebieden.empty()) {
                choices(out, "q." + v.id, legend);
            } else {
                out << "<table class=\"areas\">\n";
                for (const auto& [id, name] : v.levensgebieden) {
                    const std::string label = "l." + v.id + "." + id;
                    out << "<tr><td id=\"" << label << "\">" << html_escape(name) << "</td><td>";
                    choices(out, "q." + v.id + "." + id, label);
                    out << "</td></tr>\n";
                }
                out << "</table>\n";
            }
            out << "<p><label for=\"t." << v.id << "\">Toelichting</label><textarea id=\"t." << v.id << "\" name=\"t."
                << v.id << "\" rows=\"2\"></textarea></p>\n<p><label for=\"b." << v.id
                << "\">Bron (document, paragraaf, link)</label>"
                   "<input type=\"text\" id=\"b."
                << v.id << "\" name=\"b." << v.id << "\"></p>\n<p class=\"warn\" id=\"w." << v.id
                << "\" aria-live=\"polite\"></p>\n</fieldset>\n";
        }
    }
    out << "</form>\n<script type=\"application/json\" id=\"vragen\">[";
    for (std::size_t i = 0; i < q.questions.size(); ++i) {
        const ZelftestQuestion& v = q.questions[i];
        out << (i ? "," : "") << "{\"id\":" << js_string(v.id) << ",\"levensgebieden\":[";
        for (std::size_t k = 0; k < v.levensgebieden.size(); ++k)
            out << (k ? "," : "") << "{\"id\":" << js_string(v.levensgebieden[k].first) << "}";
        out << "]}";
    }
    out << "]</script>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace wmotoets
