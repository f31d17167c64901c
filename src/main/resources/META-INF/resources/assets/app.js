/*
 * The clinician page: builds the examination form from the contract's vocabularies, turns it into a
 * POST /v1/assessments body, and shows the answer. Plain browser JavaScript, no build step, nothing fetched from
 * anywhere but this service.
 *
 * Every form control carries the contract path of its value in data-path (with the side as the last step for
 * findings per leg), so a 400's violations can be shown on the controls they name.
 */
(function () {
  "use strict";

  var FP = window.FootPain;
  var V = FP.vocabulary;

  // ---- the form, described once -------------------------------------------------------------------------------

  /** Bilateral findings, by examination section: [contract path, label, vocabulary or "mrc" / "count" / "abi"]. */
  var EXAM_GRIDS = [
    { id: "walk", title: "Heel and toe walking", rows: [
      ["exam.heelWalk", "Heel walk (L4–L5)", "WalkResult"],
      ["exam.toeWalk", "Toe walk (S1)", "WalkResult"]
    ]},
    { id: "reflexes", title: "Reflexes", rows: [
      ["exam.reflexes.patellar", "Patellar (L3–L4)", "ReflexGrade"],
      ["exam.reflexes.achilles", "Achilles (S1)", "ReflexGrade"],
      ["exam.reflexes.plantarResponse", "Plantar response", "PlantarResponse"],
      ["exam.reflexes.ankleClonus", "Sustained ankle clonus", "PresentAbsent"],
      ["exam.reflexes.hoffmann", "Hoffmann sign", "PositiveNegative"],
      ["exam.reflexes.invertedSupinator", "Inverted supinator sign", "PositiveNegative"]
    ]},
    { id: "strength", title: "Strength (MRC 0–5)", rows: [
      ["exam.strength.hipFlexion", "Hip flexion (L2–L3)", "mrc"],
      ["exam.strength.hipAbduction", "Hip abduction (L5)", "mrc"],
      ["exam.strength.kneeExtension", "Knee extension (L3–L4)", "mrc"],
      ["exam.strength.kneeFlexion", "Knee flexion (L5–S1)", "mrc"],
      ["exam.strength.ankleDorsiflexion", "Ankle dorsiflexion (L4–L5)", "mrc"],
      ["exam.strength.greatToeExtension", "Great toe extension (L5)", "mrc"],
      ["exam.strength.ankleEversion", "Ankle eversion (L5–S1)", "mrc"],
      ["exam.strength.ankleInversion", "Ankle inversion (L5)", "mrc"],
      ["exam.strength.anklePlantarflexion", "Ankle plantarflexion (S1)", "mrc"]
    ]},
    { id: "sensation", title: "Sensation", rows: [
      ["exam.sensory.vibrationGreatToe", "Vibration at the great toe (128 Hz)", "SensationGrade"],
      ["exam.sensory.monofilament", "10 g monofilament", "SensationGrade"]
    ]},
    { id: "tension", title: "Neural tension", rows: [
      ["exam.neuralTension.straightLegRaise", "Straight-leg raise", "PositiveNegative"],
      ["exam.neuralTension.crossedStraightLegRaise", "Crossed straight-leg raise (side = leg whose pain is reproduced)", "PositiveNegative"],
      ["exam.neuralTension.slump", "Slump test", "PositiveNegative"],
      ["exam.neuralTension.femoralStretch", "Femoral nerve stretch", "PositiveNegative"]
    ]},
    { id: "pelvis", title: "Sacroiliac joint and hip", rows: [
      ["exam.sacroiliac.provocationPositiveCount", "Positive SI provocation tests (0–5)", "count"],
      ["exam.hip.fairTest", "FAIR test", "PositiveNegative"],
      ["exam.hip.deepGlutealTenderness", "Deep gluteal tenderness", "PresentAbsent"]
    ]},
    { id: "foot", title: "Foot and ankle", rows: [
      ["exam.foot.plantarFasciaTenderness", "Plantar fascia tenderness", "PresentAbsent"],
      ["exam.foot.windlass", "Windlass test", "PositiveNegative"],
      ["exam.foot.achillesTenderness", "Achilles tendon tenderness", "PresentAbsent"],
      ["exam.foot.interdigitalTenderness", "Web-space (interdigital) tenderness", "PresentAbsent"],
      ["exam.foot.mulderClick", "Mulder click", "PositiveNegative"],
      ["exam.foot.tinelTarsalTunnel", "Tinel sign, tarsal tunnel", "PositiveNegative"],
      ["exam.foot.tinelFibularHead", "Tinel sign, fibular head", "PositiveNegative"]
    ]},
    { id: "vascular", title: "Vascular", rows: [
      ["exam.vascular.dorsalisPedisPulse", "Dorsalis pedis pulse", "PulseGrade"],
      ["exam.vascular.posteriorTibialPulse", "Posterior tibial pulse", "PulseGrade"],
      ["exam.vascular.ankleBrachialIndex", "Ankle-brachial index (0–3)", "abi"]
    ]}
  ];

  /** Yes/no findings that may also be "not examined": [contract path, label]. */
  var EXAM_BOOLEANS = [
    ["exam.sensory.stockingDistribution", "Stocking (glove-and-stocking) sensory loss"],
    ["exam.lumbar.extensionReproducesLegSymptoms", "Lumbar extension reproduces leg symptoms"],
    ["exam.lumbar.midlineTenderness", "Midline (spinous process) tenderness"],
    ["exam.gait.wideBased", "Wide-based or ataxic gait"]
  ];

  /** Enumerated sets shown as checkbox groups: [contract path, legend, vocabulary, container id]. */
  var SETS = [
    ["patient.riskFactors", "Risk factors", "RiskFactor", "risk-factors"],
    ["history.painLocations", "Where is the pain?", "PainLocation", "pain-locations"],
    ["history.symptoms", "Symptoms", "Symptom", "symptoms"],
    ["history.aggravatedBy", "Worse with", "Aggravator", "aggravated-by"],
    ["history.relievedBy", "Eased by", "Reliever", "relieved-by"],
    ["history.redFlags", "Red flags present", "RedFlag", "red-flags"]
  ];

  var SIDES = [["left", "Left"], ["right", "Right"]];

  /** Readable names of contract paths, for evidence, triage reasons and next findings. */
  var LABELS = {
    "context.setting": "Setting",
    "patient.ageYears": "Age",
    "patient.sex": "Sex",
    "history.symptomSide": "Side of symptoms",
    "history.durationWeeks": "Duration (weeks)",
    "history.onset": "Onset",
    "history.redFlagsScreened": "Red flags screened",
    "exam.sensory.dermatomalLoss": "Dermatomal sensory loss",
    "exam.sensory.nerveTerritoryLoss": "Nerve-territory sensory loss",
    "exam.gait.romberg": "Romberg test",
    "exam.temperatureCelsius": "Temperature (°C)"
  };
  /** The vocabulary of each coded path, to show codes by their names. */
  var VOCABULARY_OF = {
    "context.setting": "Setting",
    "patient.sex": "Sex",
    "history.symptomSide": "SymptomSide",
    "history.onset": "Onset",
    "exam.gait.romberg": "PositiveNegative"
  };
  EXAM_GRIDS.forEach(function (g) { g.rows.forEach(function (r) { LABELS[r[0]] = r[1]; VOCABULARY_OF[r[0]] = r[2]; }); });
  EXAM_BOOLEANS.forEach(function (b) { LABELS[b[0]] = b[1]; });
  SETS.forEach(function (s) { LABELS[s[0]] = s[1]; VOCABULARY_OF[s[0]] = s[2]; });

  var TRIAGE = {
    emergency: "Emergency: same day, emergency department",
    urgent: "Urgent: specialist or imaging within days",
    routine: "Routine care: no safety rule calls for faster assessment"
  };

  var TIMING = {
    emergent: "Emergent (today)",
    urgent: "Urgent (within days)",
    routine: "Routine care: no safety rule calls for faster assessment"
  };

  // ---- small DOM helpers ----------------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k === "className") node.className = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function idFor(path) {
    return "f-" + path.replace(/\./g, "-");
  }

  function labelOf(vocabulary, code) {
    var hit = (V[vocabulary] || []).filter(function (p) { return p[0] === code; })[0];
    return hit ? hit[1] : code;
  }

  function options(vocabulary, emptyLabel) {
    var opts = [el("option", { value: "", text: emptyLabel })];
    V[vocabulary].forEach(function (p) { opts.push(el("option", { value: p[0], text: p[1] })); });
    return opts;
  }

  function cellControl(path, side, kind, rowLabel) {
    var full = path + "." + side;
    var id = idFor(full);
    var control;
    if (kind === "mrc") {
      var opts = [el("option", { value: "", text: "—" })];
      [5, 4, 3, 2, 1, 0].forEach(function (g) {
        opts.push(el("option", { value: String(g), text: g === 5 ? "5 normal" : g === 0 ? "0 none" : String(g) }));
      });
      control = el("select", { id: id, "data-path": full, "data-type": "integer" }, opts);
    } else if (kind === "count") {
      var counts = [el("option", { value: "", text: "—" })];
      [0, 1, 2, 3, 4, 5].forEach(function (n) { counts.push(el("option", { value: String(n), text: String(n) })); });
      control = el("select", { id: id, "data-path": full, "data-type": "integer" }, counts);
    } else if (kind === "abi") {
      control = el("input", { id: id, type: "number", min: "0", max: "3", step: "0.01", inputmode: "decimal",
        placeholder: "—", "data-path": full, "data-type": "number" });
    } else {
      control = el("select", { id: id, "data-path": full }, options(kind, "—"));
    }
    var label = el("label", { "for": id, className: "visually-hidden", text: rowLabel + ", " + side });
    return el("td", {}, [label, control]);
  }

  function grid(section) {
    var head = el("thead", {}, [el("tr", {}, [
      el("th", { scope: "col", text: "Finding" }),
      el("th", { scope: "col", text: "Left" }),
      el("th", { scope: "col", text: "Right" })
    ])]);
    var body = el("tbody", {}, section.rows.map(function (r) {
      return el("tr", {}, [
        el("th", { scope: "row", text: r[1] }),
        cellControl(r[0], "left", r[2], r[1]),
        cellControl(r[0], "right", r[2], r[1])
      ]);
    }));
    return el("table", { className: "grid", id: "grid-" + section.id }, [
      el("caption", { text: section.title }), head, body
    ]);
  }

  /** A left/right checkbox grid for dermatomes or nerve territories; both sides ticked is sent as bilateral. */
  function lossPicker(path, key, vocabulary, caption, pickerId) {
    var head = el("thead", {}, [el("tr", {}, [
      el("th", { scope: "col", text: vocabulary === "Dermatome" ? "Dermatome" : "Nerve" }),
      el("th", { scope: "col", text: "Left" }),
      el("th", { scope: "col", text: "Right" })
    ])]);
    var rows = V[vocabulary].map(function (p, i) {
      var code = p[0];
      var cells;
      if (code === "saddle") {
        var sid = "f-saddle-loss";
        cells = [el("td", { colspan: "2" }, [
          el("input", { type: "checkbox", id: sid, "data-loss": path, "data-key": key, "data-code": code, "data-side": "bilateral" }),
          el("label", { "for": sid, text: " perineal (both sides)" })
        ])];
      } else {
        cells = SIDES.map(function (s) {
          var cid = idFor(path) + "-" + code + "-" + s[0];
          return el("td", {}, [
            el("input", { type: "checkbox", id: cid, "data-loss": path, "data-key": key, "data-code": code, "data-side": s[0] }),
            el("label", { "for": cid, className: "visually-hidden", text: p[1] + ", " + s[1] })
          ]);
        });
      }
      return el("tr", {}, [el("th", { scope: "row", text: p[1] })].concat(cells));
    });
    return el("table", { className: "grid picker", id: pickerId, "data-path": path }, [
      el("caption", { text: caption }), head, el("tbody", {}, rows)
    ]);
  }

  function booleanSelect(path, label) {
    var id = idFor(path);
    return el("div", { className: "field" }, [
      el("label", { "for": id, text: label }),
      el("select", { id: id, "data-path": path, "data-type": "boolean" }, [
        el("option", { value: "", text: "Not examined" }),
        el("option", { value: "true", text: "Yes" }),
        el("option", { value: "false", text: "No" })
      ])
    ]);
  }

  function checkboxGroup(path, legend, vocabulary) {
    var items = V[vocabulary].map(function (p) {
      var id = idFor(path) + "-" + p[0];
      return el("div", { className: "check" }, [
        el("input", { type: "checkbox", id: id, value: p[0], "data-set": path }),
        el("label", { "for": id, text: p[1] })
      ]);
    });
    return el("fieldset", { className: "set", id: idFor(path), "data-path": path }, [
      el("legend", { text: legend })
    ].concat(items));
  }

  function fillSelect(id, vocabulary, emptyLabel) {
    var select = document.getElementById(id);
    options(vocabulary, emptyLabel).forEach(function (o) { select.appendChild(o); });
  }

  // ---- building the page -----------------------------------------------------------------------------------------

  function build() {
    fillSelect("f-context-setting", "Setting", "Not stated (primary-care priors)");
    fillSelect("f-patient-sex", "Sex", "Not recorded");
    fillSelect("f-history-symptomSide", "SymptomSide", "Not recorded");
    fillSelect("f-history-onset", "Onset", "Not recorded");
    fillSelect("f-exam-gait-romberg", "PositiveNegative", "Not examined");

    SETS.forEach(function (s) {
      document.getElementById(s[3]).appendChild(checkboxGroup(s[0], s[1], s[2]));
    });

    var grids = document.getElementById("exam-grids");
    EXAM_GRIDS.forEach(function (section) {
      grids.appendChild(grid(section));
      if (section.id === "sensation") {
        grids.appendChild(lossPicker("exam.sensory.dermatomalLoss", "dermatome", "Dermatome",
          "Dermatomal sensory loss", "dermatome-picker"));
        grids.appendChild(lossPicker("exam.sensory.nerveTerritoryLoss", "nerve", "Nerve",
          "Sensory loss in a nerve territory", "nerve-picker"));
      }
    });
    var booleans = document.getElementById("exam-booleans");
    EXAM_BOOLEANS.forEach(function (b) { booleans.appendChild(booleanSelect(b[0], b[1])); });

    var bar = document.getElementById("example-buttons");
    FP.examples.forEach(function (ex) {
      var button = el("button", { type: "button", id: "example-" + ex.id, className: "example",
        "aria-describedby": "example-" + ex.id + "-summary" }, [ex.label]);
      button.addEventListener("click", function () { loadExample(ex.id); });
      bar.appendChild(el("li", {}, [button, el("span", { id: "example-" + ex.id + "-summary", className: "summary",
        text: ex.summary })]));
    });

    document.getElementById("assessment-form").addEventListener("submit", function (e) {
      e.preventDefault();
      submit();
    });
    document.getElementById("clear-form").addEventListener("click", function () {
      clearForm();
      document.getElementById("example-loaded").textContent = "";
      showEmpty();
    });
  }

  // ---- form <-> request ------------------------------------------------------------------------------------------

  function setPath(target, path, value) {
    var steps = path.split(".");
    var node = target;
    for (var i = 0; i < steps.length - 1; i++) {
      if (!node[steps[i]]) node[steps[i]] = {};
      node = node[steps[i]];
    }
    node[steps[steps.length - 1]] = value;
  }

  function getPath(source, path) {
    return path.split(".").reduce(function (node, step) {
      return node === undefined || node === null ? undefined : node[step];
    }, source);
  }

  /** The POST /v1/assessments body the form describes; what was left blank is left out (absent is not normal). */
  function requestFromForm() {
    var request = {};
    document.querySelectorAll("#assessment-form [data-path]").forEach(function (control) {
      if (control.tagName !== "SELECT" && control.tagName !== "INPUT" || control.type === "checkbox") return;
      var raw = control.value.trim();
      if (raw === "") return;
      var type = control.getAttribute("data-type");
      var value = raw;
      if (type === "integer" || type === "number") value = Number(raw);
      else if (type === "boolean") value = raw === "true";
      // a number the browser cannot read is still sent, so that the service names the field
      if ((type === "integer" || type === "number") && isNaN(value)) value = raw;
      setPath(request, control.getAttribute("data-path"), value);
    });
    var screened = document.getElementById("f-history-redFlagsScreened");
    if (screened.checked) setPath(request, "history.redFlagsScreened", true);

    SETS.forEach(function (s) {
      var picked = [];
      document.querySelectorAll('input[data-set="' + s[0] + '"]:checked').forEach(function (c) { picked.push(c.value); });
      if (picked.length) setPath(request, s[0], picked);
    });

    ["exam.sensory.dermatomalLoss", "exam.sensory.nerveTerritoryLoss"].forEach(function (path) {
      var bySide = {};
      var order = [];
      var key;
      document.querySelectorAll('input[data-loss="' + path + '"]:checked').forEach(function (c) {
        key = c.getAttribute("data-key");
        var code = c.getAttribute("data-code");
        if (!bySide[code]) { bySide[code] = []; order.push(code); }
        bySide[code].push(c.getAttribute("data-side"));
      });
      if (!order.length) return;
      setPath(request, path, order.map(function (code) {
        var sides = bySide[code];
        var item = {};
        item[key] = code;
        item.side = sides.length === 1 ? sides[0] : "bilateral";
        return item;
      }));
    });
    return request;
  }

  function clearForm() {
    var form = document.getElementById("assessment-form");
    form.querySelectorAll("select[data-path]").forEach(function (s) { s.value = ""; });
    form.querySelectorAll("input[data-path]:not([type=checkbox])").forEach(function (i) { i.value = ""; });
    form.querySelectorAll('input[type="checkbox"]').forEach(function (c) { c.checked = false; });
    clearInvalid();
  }

  /** Fills the form from a request body (an example patient). */
  function fillForm(request) {
    clearForm();
    document.querySelectorAll("#assessment-form [data-path]").forEach(function (control) {
      if (control.tagName !== "SELECT" && control.tagName !== "INPUT" || control.type === "checkbox") return;
      var value = getPath(request, control.getAttribute("data-path"));
      if (value !== undefined && value !== null) control.value = String(value);
    });
    document.getElementById("f-history-redFlagsScreened").checked = getPath(request, "history.redFlagsScreened") === true;
    SETS.forEach(function (s) {
      (getPath(request, s[0]) || []).forEach(function (code) {
        var box = document.getElementById(idFor(s[0]) + "-" + code);
        if (box) box.checked = true;
      });
    });
    ["exam.sensory.dermatomalLoss", "exam.sensory.nerveTerritoryLoss"].forEach(function (path) {
      (getPath(request, path) || []).forEach(function (item) {
        var code = item.dermatome || item.nerve;
        var sides = item.side === "bilateral" ? ["left", "right", "bilateral"] : [item.side];
        sides.forEach(function (side) {
          var box = document.querySelector('input[data-loss="' + path + '"][data-code="' + code + '"][data-side="' + side + '"]');
          if (box) box.checked = true;
        });
      });
    });
  }

  function loadExample(id) {
    var ex = FP.examples.filter(function (e) { return e.id === id; })[0];
    fillForm(ex.request);
    showEmpty();
    var note = document.getElementById("example-loaded");
    note.textContent = "Loaded example: " + ex.label + ". Review the findings, then press Assess.";
    document.getElementById("f-patient-ageYears").focus();
  }

  // ---- calling the service ---------------------------------------------------------------------------------------

  var lastRequest = {};

  function submit() {
    clearInvalid();
    var request = requestFromForm();
    lastRequest = request;
    var limit = document.getElementById("f-limit").value;
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var token = document.getElementById("f-token").value.trim().replace(/^Bearer\s+/i, "");
    if (token) headers.Authorization = "Bearer " + token;
    var results = document.getElementById("results");
    results.setAttribute("aria-busy", "true");
    setStatus("Assessing…");
    fetch("/v1/assessments?limit=" + encodeURIComponent(limit), {
      method: "POST", headers: headers, body: JSON.stringify(request), credentials: "same-origin", cache: "no-store"
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (ignored) { body = null; }
        return { status: response.status, body: body, text: text };
      });
    }).then(function (answer) {
      results.setAttribute("aria-busy", "false");
      results.setAttribute("data-status", String(answer.status));
      if (answer.status === 200 && answer.body) showAssessment(answer.body);
      else showProblem(answer);
    }).catch(function (error) {
      results.setAttribute("aria-busy", "false");
      results.setAttribute("data-status", "network-error");
      showProblem({ status: 0, body: null, text: String(error) });
    });
  }

  // ---- showing the answer ----------------------------------------------------------------------------------------

  function setStatus(text) {
    document.getElementById("status").textContent = text;
  }

  function results() {
    var node = document.getElementById("results-body");
    node.textContent = "";
    return node;
  }

  function showEmpty() {
    var node = results();
    document.getElementById("results").removeAttribute("data-status");
    setStatus("");
    node.appendChild(el("p", { className: "muted", text: "Enter the findings (or load an example patient) and press Assess." }));
  }

  function sideSuffix(side) {
    return side ? " (" + side + ")" : "";
  }

  /** A contract path made readable: "exam.reflexes.achilles.left" -> "Achilles (S1) (left)". */
  function findingLabel(path, value) {
    if (!path) return "";
    if (path.indexOf("cluster:") === 0) return "Published cluster " + path.substring(8);
    var m = /^(.*)\.(left|right)$/.exec(path);
    var base = m ? m[1] : path;
    var label = LABELS[base] || LABELS[path] || base;
    return label + (m ? sideSuffix(m[2]) : "");
  }

  /** A path into the request, possibly with list indexes ("history.redFlags[0]"), named with the value it points at. */
  function describePath(path) {
    var m = /^(.*)\[(\d+)\]$/.exec(path || "");
    if (!m) return findingLabel(path);
    var list = getPath(lastRequest, m[1]);
    var item = Array.isArray(list) ? list[Number(m[2])] : undefined;
    var set = SETS.filter(function (x) { return x[0] === m[1]; })[0];
    var shown = item === undefined ? "#" + (Number(m[2]) + 1)
      : set ? labelOf(set[2], item) : valueLabel(item);
    return findingLabel(m[1]) + ": " + shown;
  }

  /** A supplied value by its name: "cough-sneeze-strain" -> "Cough, sneeze or strain", 4 -> "MRC 4". */
  function findingValue(finding, value) {
    var base = (finding || "").replace(/\.(left|right)$/, "");
    var vocabulary = VOCABULARY_OF[base];
    if (vocabulary === "mrc") return "MRC " + value;
    if (vocabulary && V[vocabulary] && typeof value === "string") return labelOf(vocabulary, value);
    return valueLabel(value);
  }

  function valueLabel(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "object") {
      var code = value.dermatome || value.nerve;
      var vocab = value.dermatome ? "Dermatome" : "Nerve";
      return labelOf(vocab, code) + ", " + labelOf("LossSide", value.side).toLowerCase();
    }
    if (typeof value === "boolean") return value ? "yes" : "no";
    return String(value);
  }

  function conditionName(answer, id) {
    var hit = (answer.differential || []).filter(function (d) { return d.condition && d.condition.id === id; })[0];
    return hit ? hit.condition.name : id;
  }

  function percent(p) {
    var pct = p * 100;
    return (pct < 1 && pct > 0 ? pct.toFixed(1) : Math.round(pct)) + "%";
  }

  function ratio(lr) {
    return lr >= 10 ? lr.toFixed(0) : lr.toFixed(2).replace(/0$/, "");
  }

  function showAssessment(answer) {
    var node = results();
    setStatus("Assessment " + (answer.assessmentId || "") + " · knowledge base " +
      (answer.knowledgeBase ? answer.knowledgeBase.version : "?") + " · setting " +
      labelOf("Setting", answer.context && answer.context.setting).toLowerCase());

    // triage
    var triage = answer.triage || { level: "routine", reasons: [] };
    var reasons = (triage.reasons || []).map(function (r) {
      return el("li", {}, [
        el("strong", { text: r.text || r.code }),
        r.source ? el("span", { className: "source", text: " — " + r.source }) : null,
        (r.findings && r.findings.length) ? el("div", { className: "muted small",
          text: "From: " + r.findings.map(describePath).join("; ") }) : null
      ]);
    });
    node.appendChild(el("section", { id: "triage", className: "card triage triage-" + triage.level,
      "aria-labelledby": "triage-heading" }, [
      el("h2", { id: "triage-heading", text: "Triage" }),
      el("p", { className: "triage-level" }, [
        el("span", { id: "triage-level", className: "badge badge-" + triage.level, "data-level": triage.level,
          text: triage.level }),
        " ",
        el("span", { text: TRIAGE[triage.level] || "" })
      ]),
      reasons.length ? el("ul", { id: "triage-reasons", className: "reasons" }, reasons)
        : el("p", { id: "triage-reasons", className: "muted", text: "No safety rule fired." })
    ]));

    // warnings
    if (answer.warnings && answer.warnings.length) {
      node.appendChild(el("section", { id: "warnings", className: "card warnings", "aria-label": "Warnings" }, [
        el("ul", {}, answer.warnings.map(function (w) {
          return el("li", { "data-code": w.code }, [el("strong", { text: "Note: " }), w.message || w.code]);
        }))
      ]));
    }

    // differential
    var items = (answer.differential || []).map(function (d, i) {
      var evidence = d.evidence || [];
      var rows = evidence.map(function (e) {
        var cluster = e.finding && e.finding.indexOf("cluster:") === 0;
        var value = cluster ? e.value + " criteria met" : findingValue(e.finding, e.value);
        if (e.absentItem) value = "absent: " + labelOf("RedFlag", e.absentItem);
        var weight = e.weight !== undefined && e.weight < 1 ? "counted at weight " + e.weight.toFixed(2) + " (correlated)" : null;
        return el("tr", { className: e.direction }, [
          el("td", {}, [findingLabel(e.finding), el("div", { className: "path", text: e.finding }),
            cluster && e.components ? el("div", { className: "muted small",
              text: "from " + e.components.map(describePath).filter(function (c, i, all) {
                return all.indexOf(c) === i; }).join("; ") }) : null]),
          el("td", { text: value }),
          el("td", { className: "num" }, [ratio(e.likelihoodRatio),
            el("div", { className: "direction", text: e.direction === "supports" ? "supports" : "argues against" })]),
          el("td", {}, [e.source || e.sourceId || "",
            el("div", { className: "muted small", text: [e.basis, weight].filter(Boolean).join("; ") })])
        ]);
      });
      var table = evidence.length ? el("table", { className: "evidence" }, [
        el("caption", { className: "visually-hidden", text: "Evidence for " + d.condition.name }),
        el("thead", {}, [el("tr", {}, [
          el("th", { scope: "col", text: "Finding" }),
          el("th", { scope: "col", text: "Value" }),
          el("th", { scope: "col" }, [el("abbr", { title: "likelihood ratio", text: "LR" })]),
          el("th", { scope: "col", text: "Source" })
        ])]),
        el("tbody", {}, rows)
      ]) : el("p", { className: "muted", text: "No supplied finding moved this estimate; it rests on the prior." });
      var pct = Math.max(0, Math.min(1, d.probability));
      return el("li", { className: "condition", "data-condition": d.condition.id, "data-rank": String(d.rank || i + 1) }, [
        el("div", { className: "condition-head" }, [
          el("span", { className: "rank", text: String(d.rank || i + 1) + "." }),
          el("span", { className: "condition-name", text: d.condition.name }),
          el("span", { className: "laterality", text: d.laterality && d.laterality !== "not-applicable" ? d.laterality : "" }),
          el("span", { className: "probability", text: percent(d.probability) })
        ]),
        el("div", { className: "bar", role: "meter", "aria-valuemin": "0", "aria-valuemax": "100",
          "aria-valuenow": String(Math.round(pct * 100)), "aria-label": "Probability of " + d.condition.name }, [
          el("div", { className: "bar-fill", style: "width:" + (pct * 100).toFixed(1) + "%" })
        ]),
        el("details", { className: "why" }, [
          el("summary", { text: "Evidence (" + evidence.length + ")" }),
          table
        ])
      ]);
    });
    node.appendChild(el("section", { id: "differential", className: "card", "aria-labelledby": "differential-heading" }, [
      el("h2", { id: "differential-heading", text: "Differential" }),
      el("p", { className: "muted small", text: "Estimated probability of each condition on its own; they are not exclusive and need not add up to 100%." }),
      items.length ? el("ol", { className: "differential" }, items) : el("p", { text: "No conditions." })
    ]));

    // diagnostics
    var tests = (answer.suggestedDiagnostics || []).map(function (t) {
      var timing = t.timing === "if-no-improvement"
        ? "Only if no improvement after " + t.afterWeeks + " weeks from onset" : (TIMING[t.timing] || t.timing);
      return el("tr", { "data-diagnostic": t.id }, [
        el("td", {}, [el("strong", { text: t.name || t.id })]),
        el("td", {}, [el("span", { className: "timing timing-" + t.timing, text: timing })]),
        el("td", { text: (t.forConditions || []).map(function (c) { return conditionName(answer, c); }).join(", ") }),
        el("td", {}, [t.rationale || "", t.source ? el("div", { className: "muted small", text: t.source }) : null])
      ]);
    });
    node.appendChild(el("section", { id: "diagnostics", className: "card", "aria-labelledby": "diagnostics-heading" }, [
      el("h2", { id: "diagnostics-heading", text: "Suggested diagnostics" }),
      tests.length ? el("table", { className: "diagnostics" }, [
        el("thead", {}, [el("tr", {}, ["Test", "Timing", "For", "Why"].map(function (h) {
          return el("th", { scope: "col", text: h });
        }))]),
        el("tbody", {}, tests)
      ]) : el("p", { className: "muted", text: "No test is suggested now." })
    ]));

    // next findings
    var next = (answer.nextBestFindings || []).map(function (f) {
      return el("li", { "data-finding": f.finding }, [
        el("strong", { text: findingLabel(f.finding) + sideSuffix(f.side) }),
        (f.separates && f.separates.length) ? el("span", { text: " — separates " +
          f.separates.map(function (c) { return conditionName(answer, c); }).join(" from ") }) : null,
        f.rationale ? el("div", { className: "muted small", text: f.rationale }) : null
      ]);
    });
    node.appendChild(el("section", { id: "next-findings", className: "card", "aria-labelledby": "next-heading" }, [
      el("h2", { id: "next-heading", text: "Examine next" }),
      next.length ? el("ol", {}, next) : el("p", { className: "muted", text: "Nothing further suggested." })
    ]));

    node.appendChild(el("details", { className: "raw" }, [
      el("summary", { text: "Full answer (JSON)" }),
      el("pre", { text: JSON.stringify(answer, null, 2) })
    ]));
    var panel = document.getElementById("results");
    panel.scrollTop = 0;
    var box = panel.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight * 0.6) panel.scrollIntoView({ block: "start" });
  }

  function clearInvalid() {
    document.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
    document.querySelectorAll(".field-error").forEach(function (n) { n.parentNode.removeChild(n); });
  }

  /** Marks the control a violation names: the exact path, or the nearest enclosing one (a set, a picker). */
  function markInvalid(field, message) {
    var path = field.replace(/\[\d+\]/g, "");
    var target = null;
    while (path && !target) {
      target = document.querySelector('#assessment-form [data-path="' + path + '"]');
      if (!target) path = path.indexOf(".") > 0 ? path.substring(0, path.lastIndexOf(".")) : "";
    }
    if (!target) return;
    target.setAttribute("aria-invalid", "true");
    var note = el("div", { className: "field-error", role: "note", title: field, text: message });
    var host = target.tagName === "FIELDSET" || target.tagName === "TABLE" ? target : target.parentNode;
    host.appendChild(note);
  }

  function showProblem(answer) {
    var node = results();
    var body = answer.body || {};
    var title;
    if (answer.status === 401) title = "Not signed in: this service needs a bearer token (paste it into the token field).";
    else if (answer.status === 403) title = "The token is valid but lacks the assessment role.";
    else if (answer.status === 0) title = "The service could not be reached.";
    else title = body.title || ("The service answered " + answer.status + ".");
    setStatus("");
    var violations = (body.violations || []).map(function (v) {
      markInvalid(v.field || "$", v.message || "");
      return el("li", {}, [el("code", { className: "field", text: v.field }), " ", v.message || ""]);
    });
    node.appendChild(el("section", { id: "problem", className: "card problem", role: "alert" }, [
      el("h2", { text: answer.status ? "Error " + answer.status : "Error" }),
      el("p", { text: title }),
      body.detail ? el("p", { className: "muted", text: body.detail }) : null,
      violations.length ? el("ul", { id: "violations" }, violations) : null
    ]));
  }

  FP.requestFromForm = requestFromForm;
  FP.fillForm = fillForm;
  FP.loadExample = loadExample;

  document.addEventListener("DOMContentLoaded", function () {
    build();
    showEmpty();
    document.documentElement.setAttribute("data-ready", "true");
  });
})();
