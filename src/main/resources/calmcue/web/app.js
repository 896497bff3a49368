// calmcue phone remote: picks a routine, starts it, and drives the running session.
// Everything shown comes from the server's state, pushed over Server-Sent Events.
"use strict";

(function () {
  const RING = 2 * Math.PI * 52;
  const EVENTS = ["state", "started", "step", "cue", "progress", "pause", "waiting", "textmode", "stall", "ended"];
  const $ = (id) => document.getElementById(id);

  const CONTROLS = ["ready", "pause", "repeat", "next", "fussy", "stop"];

  let routines = [];
  let chosen = null;
  let minutes = null;     // null: as written in the routine, like `calmcue play` without --minutes
  let current = null;     // the last state from the server
  let pushed = 0;         // how many states the event stream has delivered
  let dismissed = false;  // the parent left the "ended" screen
  let followed = false;   // this page saw the session run (or started it): its end is news here
  let offline = false;    // the speaker box does not answer
  let source = null;
  let retryMs = 1000;
  let retryTimer = null;
  let heard = null;       // a spoken command to show for a moment: {number, text, until}
  let heardTimer = null;
  const HEARD_MS = 4000;

  function show(section) {
    for (const id of ["picker", "session", "ended"]) {
      $(id).hidden = id !== section;
    }
    $("controls").hidden = section !== "session";
    document.body.classList.toggle("controls-up", section === "session");
  }

  /** Greys every control and says so plainly while the speaker box does not answer. */
  function reachable(yes) {
    offline = !yes;
    document.body.classList.toggle("offline", offline);
    $("lost").hidden = yes;
    for (const id of CONTROLS) {
      $(id).disabled = offline;
    }
    $("again").disabled = offline;
    renderMinutes();
  }

  function notice(text) {
    $("notice").textContent = text || "";
    $("notice").hidden = !text;
  }

  function connection(text, live) {
    const c = $("conn");
    c.textContent = text;
    c.classList.toggle("live", live);
    c.classList.toggle("down", !live);
  }

  function clock(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function buzz() {
    if (navigator.vibrate) {
      navigator.vibrate(15);
    }
  }

  async function api(method, path, body) {
    const init = { method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let r;
    try {
      r = await fetch(path, init);
    } catch (e) {
      // The browser's own words ("Failed to fetch") tell a parent nothing: the box is away.
      reachable(false);
      throw new Error("can’t reach the speaker box");
    }
    let data = null;
    try {
      data = await r.json();
    } catch (e) {
      data = null;
    }
    if (r.status === 401) {
      notice("This phone is not paired yet. Open the link that calmcue serve printed, or scan its QR code.");
    }
    if (!r.ok) {
      throw new Error((data && data.error) || ("the server said " + r.status));
    }
    return data;
  }

  // ---- routine picker ----

  function renderRoutines() {
    const box = $("routines");
    box.textContent = "";
    for (const r of routines) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "routine";
      b.setAttribute("role", "radio");
      b.setAttribute("aria-checked", String(chosen && chosen.id === r.id));
      b.dataset.id = r.id;
      const name = document.createElement("span");
      name.textContent = r.title;
      const mins = document.createElement("span");
      mins.className = "mins";
      mins.textContent = r.minutes.min === r.minutes.max
        ? r.minutes.min + " min"
        : r.minutes.min + "–" + r.minutes.max + " min";
      b.append(name, mins);
      b.addEventListener("click", () => choose(r));
      box.append(b);
    }
    renderMinutes();
  }

  function choose(r) {
    chosen = r;
    minutes = null;
    try {
      localStorage.setItem("calmcue.routine", r.id);
    } catch (e) { /* private mode: fine */ }
    renderRoutines();
  }

  /** The length the session will have in minutes: the chosen one, or the routine's own. */
  function length() {
    return minutes !== null ? minutes : chosen.written / 60;
  }

  function renderMinutes() {
    $("start").disabled = !chosen || offline;
    $("less").disabled = !chosen || offline || length() <= chosen.minutes.min;
    $("more").disabled = !chosen || offline || length() >= chosen.minutes.max;
    const out = $("minutes");
    out.textContent = "";
    if (!chosen) {
      out.textContent = "–";
    } else if (minutes === null) {
      const note = document.createElement("small");
      note.textContent = "min, as written";
      out.append(clock(chosen.written), note);
    } else {
      out.textContent = minutes + " min";
    }
  }

  /** One step of − or +: whole minutes, starting from the routine's own length. */
  function stepMinutes(direction) {
    if (!chosen) {
      return;
    }
    const now = length();
    let next = direction > 0 ? Math.floor(now) + 1 : Math.ceil(now) - 1;
    next = Math.min(chosen.minutes.max, Math.max(chosen.minutes.min, next));
    minutes = Math.abs(next - chosen.written / 60) < 1e-9 ? null : next;
    renderMinutes();
  }

  async function loadRoutines() {
    try {
      routines = await api("GET", "/api/routines");
      let remembered = null;
      try {
        remembered = localStorage.getItem("calmcue.routine");
      } catch (e) { /* ignore */ }
      const again = routines.find((r) => r.id === remembered) || routines[0];
      if (again && !chosen) {
        choose(again);
      } else {
        renderRoutines();
      }
    } catch (e) {
      if (!$("notice").textContent) {
        notice("Could not load the routines: " + e.message);
      }
    }
  }

  // ---- session view ----

  function render(s) {
    current = s;
    if (s.running) {
      dismissed = false;
      followed = true;
      show("session");
      renderSession(s);
    } else if (s.status === "ended" && followed && !dismissed) {
      show("ended");
      renderEnded(s);
    } else {
      show("picker");
      // An end this page never saw is old news: a line on the picker, not a screen of its own.
      const last = $("last");
      last.hidden = s.status !== "ended";
      if (s.status === "ended") {
        last.textContent = "Last session" + (s.title ? " (" + s.title + ")" : "") + ": "
          + ending(s)[1];
      }
    }
  }

  function renderSession(s) {
    $("routine-title").textContent = s.title || "";
    const step = s.step;
    const total = step ? step.total : 0;
    const done = step && total > 0 ? Math.min(1, step.elapsed / total) : 0;
    $("ring-fill").style.strokeDashoffset = String(RING * (1 - done));
    $("ring-fill").style.opacity = done > 0 ? "1" : "0"; // no lone dot of the round cap at zero
    $("step-left").textContent = step && total > 0 ? clock(total - step.elapsed) : "";
    $("step-of").textContent = step ? "Step " + step.number + " of " + step.count : "Before the steps";
    let title = "Starting…";
    if (step) {
      title = step.title;
    } else if (s.status === "waiting-for-ready") {
      title = "Ready?";
    } else if (s.lastCue) {
      title = "Getting ready";
    }
    $("step-title").textContent = title;
    const words = step && step.text ? step.text : (s.lastCue && !step ? s.lastCue.text : "");
    $("step-text").textContent = words === title ? "" : words;

    const paused = s.status === "paused";
    const waiting = s.status === "waiting-for-ready";
    $("ready").hidden = !waiting;
    $("pause").hidden = waiting; // Ready takes its place: one big answer to "Ready?"
    $("pause").textContent = paused ? "Resume" : "Pause";
    $("pause").classList.toggle("resume", paused);

    let line = "";
    if (paused) {
      line = "Paused";
    } else if (waiting) {
      line = "Tap Ready when you and baby are set";
    } else if (s.total > 0) {
      line = clock(s.total - s.elapsed) + " left in the session";
    }
    if (s.textMode) {
      line += (line ? " · " : "") + "no sound on the speaker";
    }
    const said = heardNow(s);
    $("status-line").textContent = said ? said + (line ? " · " + line : "") : line;
  }

  /**
   * "Heard: pause" for a few seconds after the microphone's command was taken: the parent sees it
   * was understood (the speaker's blip says it too). A command from this page or the keys needs no
   * such echo.
   */
  function heardNow(s) {
    const c = s.lastCommand;
    if (c && c.source === "voice" && (!heard || heard.number !== c.number)) {
      heard = { number: c.number, text: "Heard: " + c.command, until: Date.now() + HEARD_MS };
      clearTimeout(heardTimer);
      heardTimer = setTimeout(() => {
        if (current && current.running) {
          renderSession(current);
        }
      }, HEARD_MS + 50);
    }
    return heard && Date.now() < heard.until ? heard.text : "";
  }

  function renderEnded(s) {
    const words = ending(s);
    $("ended-title").textContent = words[0];
    $("ended-detail").textContent = (s.title ? s.title + ": " : "") + words[1];
  }

  /** How a session ended: a title and a sentence. */
  function ending(s) {
    const o = s.outcome || { ending: "stopped", stepsCompleted: 0 };
    const steps = o.stepsCompleted + " of " + s.stepCount + " steps";
    return {
      "completed": ["Well done", "All " + s.stepCount + " steps done."],
      "fussy": ["Stopped: fussy", "Stopped early after " + steps + ". That is fine; try again another time."],
      "stopped": ["Session stopped", "Stopped after " + steps + "."],
      "no-start": ["Not started", "The session did not start."],
      "error": ["Something went wrong", o.detail || "The session ended with an error."],
    }[o.ending] || ["Session ended", steps];
  }

  /**
   * Shows the state a POST answered with, unless the event stream has said something since: the
   * player acts on commands a moment later, so an answer can be older than the stream's news.
   */
  function renderReply(before, state) {
    if (pushed === before) {
      render(state);
    }
  }

  async function command(action) {
    buzz();
    const before = pushed;
    try {
      renderReply(before, await api("POST", "/api/session/" + action));
    } catch (e) {
      if (!offline) {
        $("status-line").textContent = "Could not " + action + ": " + e.message;
      }
    }
  }

  async function start() {
    if (!chosen) {
      return;
    }
    buzz();
    $("start").disabled = true;
    try {
      const body = {
        routine: chosen.id,
        bedtime: $("bedtime").checked,
        preparation: $("prep").checked,
        music: document.querySelector("input[name=music]:checked").value,
        musicVolume: Number($("music-volume").value),
        prompts: $("few").checked ? "few" : "normal",
      };
      if (minutes !== null) {
        body.minutes = minutes;
      }
      const before = pushed;
      followed = true;
      renderReply(before, await api("POST", "/api/session", body));
    } catch (e) {
      if (!offline) {
        notice("Could not start: " + e.message);
      }
    } finally {
      renderMinutes();
    }
  }

  // ---- live updates ----

  function connect() {
    clearTimeout(retryTimer);
    if (source) {
      source.close();
    }
    source = new EventSource("/api/events");
    for (const type of EVENTS) {
      source.addEventListener(type, (e) => {
        retryMs = 1000;
        connection("live", true);
        reachable(true);
        try {
          pushed++;
          const update = JSON.parse(e.data);
          render(update.state);
          if (type === "stall") {
            // the machine was asleep: say why a cue came again, or why it went quiet
            notice("The session stood still for " + clock(update.event.gap) + " (the computer was asleep). "
              + (update.event.paused ? "It is paused: tap Resume when you are ready." : "It goes on from this step's instruction."));
          }
        } catch (err) {
          /* a damaged frame: the next one carries the whole state again */
        }
      });
    }
    source.onopen = () => {
      retryMs = 1000;
      notice("");
      connection("live", true);
      reachable(true);
      if (!routines.length) {
        loadRoutines(); // the server was away when the page loaded
      }
    };
    source.onerror = () => {
      connection("reconnecting…", false);
      reachable(false);
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (server down, or 401): try again ourselves, more slowly each time.
        retryTimer = setTimeout(() => {
          api("GET", "/api/session").then(render, () => {}).finally(connect);
        }, retryMs);
        retryMs = Math.min(retryMs * 2, 15000);
      }
    };
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && source && source.readyState === EventSource.CLOSED) {
      retryMs = 1000;
      connect();
    }
  });

  $("less").addEventListener("click", () => stepMinutes(-1));
  $("more").addEventListener("click", () => stepMinutes(+1));
  $("start").addEventListener("click", start);
  // Like `play --bedtime`: the lullaby comes with bedtime unless the parent chose the music.
  let musicChosen = false;
  const music = () => document.querySelector("input[name=music]:checked").value;
  const renderMusic = () => {
    $("music-volume").disabled = music() === "off";
    $("music-volume-value").textContent = $("music-volume").value + "%";
  };
  for (const radio of document.querySelectorAll("input[name=music]")) {
    radio.addEventListener("change", () => { musicChosen = true; renderMusic(); });
  }
  $("bedtime").addEventListener("change", () => {
    if (!musicChosen) {
      const style = $("bedtime").checked ? "lullaby" : "off";
      document.querySelector("input[name=music][value=" + style + "]").checked = true;
      renderMusic();
    }
  });
  $("music-volume").addEventListener("input", renderMusic);
  renderMusic();
  $("pause").addEventListener("click", () => command(current && current.status === "paused" ? "resume" : "pause"));
  $("ready").addEventListener("click", () => command("ready"));
  $("next").addEventListener("click", () => command("next"));
  $("repeat").addEventListener("click", () => command("repeat"));
  $("fussy").addEventListener("click", () => command("fussy"));
  $("stop").addEventListener("click", () => command("stop"));
  $("again").addEventListener("click", () => {
    dismissed = true;
    show("picker");
  });

  show("picker");
  loadRoutines();
  connect();
})();
