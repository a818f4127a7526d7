// `relgraph serve`: keeps the page in step with the file it shows. The server says, over a
// WebSocket, which version of the file it has (at once, then at every change); when that is not
// the version this page shows, the page reloads, and keeps its state (focus, date, language) in
// the URL's fragment. When the server goes away the page tries again every second.
(function () {
  'use strict';
  var shown = document.documentElement.getAttribute('data-live-version');
  var status = document.getElementById('rg-live');
  function say(text) { if (status) status.textContent = text; }
  function connect() {
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live');
    socket.onopen = function () { say(''); };
    socket.onmessage = function (event) {
      if (String(event.data) !== shown) { say('updating…'); location.reload(); }
    };
    socket.onclose = function () {
      say('relgraph serve has stopped; trying again…');
      setTimeout(connect, 1000);
    };
  }
  window.relgraphLive = { version: shown };
  connect();
})();
