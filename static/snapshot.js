// Runs once the first paint is on the page: a fan who has been here before sees their board as
// they left it (formats::snapshot, kept by session::snapshot as the page was left) until the
// app's own board is drawn, where the app will draw it. Only a picture that this very build drew,
// of the board the app is about to open (the one the board list opens, never under a share
// link): otherwise the plain cork stays. The markup is the app's own, but it is parsed inert and
// stripped of anything that could run, load or take the focus all the same.
(function () {
  // The look of the moment the page was left, which the app does not bring back (a pick, a drag,
  // a string being tied, focus mode's dimming, a pan or zoom under way): the picture shows the
  // board as it opens (ui/board/card.rs, string.rs and cork.rs set these classes).
  var MOMENT = ["selected", "dragging", "held", "connect-source", "dimmed", "panning", "moving", "connecting", "select-mode"];
  // Parts of that moment: the string being tied and the selection box (ui/board/string.rs,
  // cork.rs); and the minimap, chrome like the toolbar the picture leaves out, shown or hidden by
  // what the panel covered then (one that went at the handover would uncover cards).
  var PASSING_PARTS = ".rubber-band, .marquee, .minimap";
  var root = document.getElementById("first-paint");
  if (!root || document.documentElement.getAttribute("data-opening") !== "own") return;
  try {
    var stored = JSON.parse(localStorage.getItem("caseboard.snapshot"));
    var build = document.querySelector('link[rel="preload"][href$=".wasm"]');
    if (!stored || stored.format !== "caseboard-snapshot" || stored.version !== 1) return;
    if (!build || stored.build !== build.getAttribute("href") || stored.board !== boardToOpen()) return;
    var parsed = document.createElement("template");
    parsed.innerHTML = String(stored.markup);
    var unwanted = parsed.content.querySelectorAll("script, style, iframe, frame, object, embed, link, meta, base, img, image, video, audio, source, " + PASSING_PARTS);
    for (var i = 0; i < unwanted.length; i++) unwanted[i].remove();
    var all = parsed.content.querySelectorAll("*");
    for (var j = 0; j < all.length; j++) clean(all[j]);
    var passing = parsed.content.querySelectorAll(MOMENT.map(function (c) { return "." + c; }).join(","));
    for (var m = 0; m < passing.length; m++) passing[m].classList.remove.apply(passing[m].classList, MOMENT);
    var picture = document.createElement("div");
    picture.className = "first-paint-snapshot";
    picture.setAttribute("aria-hidden", "true");
    picture.setAttribute("inert", "");
    picture.appendChild(parsed.content);
    root.appendChild(picture);
    root.setAttribute("data-snapshot", "");
  } catch (unreadable) {
    // No picture, or one this page cannot read: the plain cork until the app is up.
  }

  // The board the app opens (formats::library: the current board if it is listed, else the first).
  function boardToOpen() {
    var index = JSON.parse(localStorage.getItem("caseboard.boards"));
    var ids = index && Array.isArray(index.boards) ? index.boards.map(function (e) { return e && e.id; }) : [];
    return index && ids.indexOf(index.current) >= 0 ? index.current : ids[0];
  }

  // Keeps what draws the board; takes away handlers, links and ids (the app's own elements
  // have them, and a test or a script asking for a card finds the app's card only).
  function clean(el) {
    for (var k = el.attributes.length - 1; k >= 0; k--) {
      var name = el.attributes[k].name.toLowerCase();
      if (name.indexOf("on") === 0 || name === "id" || name === "href" || name === "xlink:href" || name === "src" || name === "tabindex") {
        el.removeAttribute(el.attributes[k].name);
      } else if (name.indexOf("data-") === 0 && name.slice(-3) === "-id") {
        el.setAttribute("data-snapshot-" + name.slice(5), el.attributes[k].value);
        el.removeAttribute(el.attributes[k].name);
      }
    }
  }
})();
