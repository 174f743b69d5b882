// Runs in the page's head, before its body is drawn: finds out which board the app is about to
// open, for the first paint (static/first-paint.html, style/first-paint.css) to show the right
// thing. Only the default board is drawn there; a share link opens the sender's board, and a fan
// who has been here before most likely their own, so both get a plain cork until the app is up.
(function () {
  var opening = "board";
  if (location.hash.indexOf("#board=") === 0) {
    opening = "shared";
  } else {
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (String(localStorage.key(i)).indexOf("caseboard.") === 0) {
          opening = "own";
          break;
        }
      }
    } catch (refused) {
      // Storage the page may not read: the app then opens the default board as well.
    }
  }
  document.documentElement.setAttribute("data-opening", opening);
})();
