// Hearth's cross-domain receiver (XdCommReceiver.js), loaded by the site's own xd_receiver.htm.
// Hearth's pages send their answers to that page (docs/connect.md, "The receiver"); this script,
// running on the site's domain, hands them to the Connect library of the window they are for:
//   xd_receiver.htm?fb_login&fname=_opener&session=…   (the login popup's return)
//   xd_receiver.htm#fname=_parent&state=1&session=…    (a hidden frame's answer)
//   xd_receiver.htm#state=…                            (no fname: the grandparent window)
// The target is _opener, _oparen (the opener's parent), _parent, or a frame of the parent by name.
// It retries every 100 ms until that window's library is ready.
(function () {
  'use strict';

  function split(text) {
    var target = null;
    var rest = [];
    var parts = text.split('&');
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === '' || parts[i] === 'fb_login') continue;
      if (parts[i].indexOf('fname=') === 0) target = decodeURIComponent(parts[i].slice(6));
      else rest.push(parts[i]);
    }
    return { target: target, packet: rest.join('&') };
  }

  var search = window.location.search.replace(/^\?/, '');
  var hash = window.location.hash.replace(/^#/, '');
  var message;
  if (/^fb_login(&|$)/.test(search)) {
    message = split(search);
    if (message.target === null) message.target = '_opener';
  } else if (hash !== '') {
    message = split(hash);
  } else return;

  function targetWindow(name) {
    switch (name) {
      case '_opener':
        return window.opener;
      case '_oparen':
        return window.opener && window.opener.parent;
      case '_parent':
        return window.parent;
      case null:
        return window.parent && window.parent.parent;
      default:
        return window.parent && window.parent.frames[name];
    }
  }

  var tries = 0;
  (function deliver() {
    var target;
    try {
      target = targetWindow(message.target);
      var server = target && target.FB && target.FB.XdComm && target.FB.XdComm.Server && target.FB.XdComm.Server.singleton;
      if (server) {
        server.onReceiverLoaded(message.packet, window);
        return;
      }
    } catch (error) {
      // Not reachable yet (another origin while it navigates): try again.
    }
    if (++tries < 300) setTimeout(deliver, 100);
  })();
})();
