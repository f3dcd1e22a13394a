// Hearth's Connect library: the JavaScript API of the v0.4 library that Connect sites call
// (docs/connect.md). It runs after md5.js, with HEARTH_ORIGINS set by the server: where Hearth's
// pages and its REST API are, as seen from the host the script was loaded from.
(function () {
  'use strict';
  if (window.FB && window.FB.Hearth) return; // loaded twice: keep the first

  var ORIGINS = HEARTH_ORIGINS;
  var signing = HearthSigning;
  var FB = (window.FB = window.FB || {});
  FB.Hearth = { origins: ORIGINS };

  var ConnectState = { connected: 1, userNotLoggedIn: 2, appNotAuthorized: 3 };
  FB.ConnectState = ConnectState;

  /** A value that becomes known once; callbacks wait for it. */
  function Waitable() {
    this.ready = false;
    this.result = undefined;
    this.waiting = [];
  }
  Waitable.prototype.waitUntilReady = function (callback) {
    if (this.ready) callback(this.result);
    else this.waiting.push(callback);
  };
  Waitable.prototype.setResult = function (result) {
    this.result = result;
    this.ready = true;
    var waiting = this.waiting;
    this.waiting = [];
    for (var i = 0; i < waiting.length; i++) waiting[i](result);
  };

  var settings = { apiKey: null, receiverUrl: null, options: {} };
  var current = { session: null, state: null };
  var status = new Waitable(); // the connect state, once the first check is done
  var sessionState = new Waitable(); // the session (or null), at the same moment
  var initDone = new Waitable();
  var initialised = false;

  function later(callback) {
    setTimeout(callback, 0);
  }

  function call(callback) {
    if (typeof callback === 'function') {
      try {
        callback.apply(null, Array.prototype.slice.call(arguments, 1));
      } catch (error) {
        later(function () {
          throw error;
        });
      }
    }
  }

  // ---- Cookies on the site's domain ---------------------------------------------------------

  function readCookies() {
    var jar = {};
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var at = parts[i].indexOf('=');
      if (at < 0) continue;
      try {
        jar[decodeURIComponent(parts[i].slice(0, at))] = decodeURIComponent(parts[i].slice(at + 1));
      } catch (ignored) {
        // Another script's cookie that is not URL-encoded: not ours.
      }
    }
    return jar;
  }

  /** The base domain when this page lies inside it, else undefined (cookies stay on this host). */
  function cookieDomain(baseDomain) {
    if (!baseDomain) return undefined;
    var host = location.hostname.toLowerCase();
    var domain = String(baseDomain).toLowerCase().replace(/^\./, '');
    return host === domain || host.slice(-(domain.length + 1)) === '.' + domain ? domain : undefined;
  }

  function writeCookie(name, value, expires, domain) {
    var text = name + '=' + encodeURIComponent(value) + '; path=/';
    if (domain) text += '; domain=.' + domain;
    if (expires) text += '; expires=' + new Date(expires * 1000).toUTCString();
    document.cookie = text;
  }

  function deleteCookie(name, domain) {
    var gone = '=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    document.cookie = name + gone;
    if (domain) document.cookie = name + gone + '; domain=.' + domain;
  }

  // Only these names under the key's prefix: the PHP client and pyfacebook fold every KEY_* cookie into the check.
  var SESSION_COOKIES = ['user', 'session_key', 'expires', 'ss'];

  function writeSessionCookies(session) {
    var key = settings.apiKey;
    var domain = cookieDomain(session.base_domain);
    var expires = Number(session.expires) || 0;
    clearSessionCookies(domain);
    writeCookie(key + '_user', String(session.uid), expires, domain);
    writeCookie(key + '_session_key', session.session_key, expires, domain);
    writeCookie(key + '_expires', String(expires), expires, domain);
    if (session.secret) writeCookie(key + '_ss', session.secret, expires, domain);
    writeCookie(key, session.sig, expires, domain);
    if (domain) writeCookie('base_domain_' + key, domain, expires, domain);
    writeCookie('fbsetting_' + key, JSON.stringify({ connectState: ConnectState.connected, oneLineStorySetting: 3, shortStorySetting: 3, inFacebook: false }), expires, domain);
  }

  function clearSessionCookies(domain) {
    var key = settings.apiKey;
    var jar = readCookies();
    var where = domain || jar['base_domain_' + key];
    for (var i = 0; i < SESSION_COOKIES.length; i++) deleteCookie(key + '_' + SESSION_COOKIES[i], where);
    deleteCookie(key, where);
    deleteCookie('base_domain_' + key, where);
    deleteCookie('fbsetting_' + key, where);
  }

  function sessionFromCookies() {
    var key = settings.apiKey;
    var jar = readCookies();
    if (!jar[key + '_session_key'] || !jar[key + '_user'] || !jar[key]) return null;
    var expires = Number(jar[key + '_expires'] || 0);
    if (expires && expires * 1000 <= Date.now()) return null;
    var session = { session_key: jar[key + '_session_key'], uid: jar[key + '_user'], expires: expires, secret: jar[key + '_ss'], sig: jar[key] };
    if (jar['base_domain_' + key]) session.base_domain = jar['base_domain_' + key];
    return session;
  }

  // ---- Sessions and state ----------------------------------------------------------------

  var stateListeners = [];

  function setState(state, session) {
    var before = current.state;
    current.state = state;
    current.session = state === ConnectState.connected ? session : null;
    if (state === ConnectState.connected) writeSessionCookies(session);
    else if (sessionFromCookies() || readCookies()[settings.apiKey]) clearSessionCookies();
    if (!status.ready) {
      status.setResult(state);
      sessionState.setResult(current.session);
    } else {
      status.result = state;
      sessionState.result = current.session;
    }
    if (before !== state) for (var i = 0; i < stateListeners.length; i++) call(stateListeners[i], state, before);
  }

  function parseSession(text) {
    try {
      var session = JSON.parse(text);
      return session && session.session_key && session.uid ? session : null;
    } catch (ignored) {
      return null;
    }
  }

  // ---- Frames, popups and the receiver ---------------------------------------------------

  var pending = { login: null, permissions: null, logout: null, status: null };

  function query(params) {
    var pairs = [];
    for (var name in params) if (params[name] !== undefined && params[name] !== null) pairs.push(encodeURIComponent(name) + '=' + encodeURIComponent(params[name]));
    return pairs.join('&');
  }

  function hiddenFrame(url, onload) {
    var frame = document.createElement('iframe');
    frame.style.cssText = 'position:absolute;width:1px;height:1px;left:-9999px;top:-9999px;border:0';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    if (onload) frame.onload = onload;
    frame.src = url;
    (document.body || document.documentElement).appendChild(frame);
    return frame;
  }

  function removeFrame(frame) {
    if (frame && frame.parentNode) frame.parentNode.removeChild(frame);
  }

  function openPopup(url, onClosedByPerson) {
    var width = 646, height = 436;
    var left = (window.screenX || 0) + Math.max(0, ((window.outerWidth || width) - width) / 2);
    var top = (window.screenY || 0) + Math.max(0, ((window.outerHeight || height) - height) / 2);
    var popup = window.open(url, 'hearth_connect', 'width=' + width + ',height=' + height + ',left=' + left + ',top=' + top + ',resizable=yes,scrollbars=yes');
    if (!popup) {
      // Blocked: go there in this window instead; the receiver comes back with the answer.
      onClosedByPerson('blocked');
      return null;
    }
    var watch = setInterval(function () {
      if (popup.closed) {
        clearInterval(watch);
        onClosedByPerson('closed');
      }
    }, 300);
    return { window: popup, stopWatching: function () { clearInterval(watch); } };
  }

  function receiverWith(suffix) {
    return settings.receiverUrl + suffix;
  }

  var XdComm = (FB.XdComm = FB.XdComm || {});
  XdComm.Server = XdComm.Server || {};
  XdComm.Server.singleton = {
    /** Called by XdCommReceiver.js in a receiver page of this site, with the packet after `fname`. */
    onReceiverLoaded: function (packet, receiverWindow) {
      var fields = {};
      var pairs = String(packet || '').split('&');
      for (var i = 0; i < pairs.length; i++) {
        if (!pairs[i]) continue;
        var at = pairs[i].indexOf('=');
        try {
          if (at < 0) fields[decodeURIComponent(pairs[i])] = '';
          else fields[decodeURIComponent(pairs[i].slice(0, at))] = decodeURIComponent(pairs[i].slice(at + 1).replace(/\+/g, ' '));
        } catch (ignored) {
          // A packet this library did not write.
        }
      }
      if (fields.state !== undefined && pending.status) return finishStatus(fields);
      if (fields.logout !== undefined && pending.logout) return finishLogout();
      if (fields.perms_done !== undefined && pending.permissions) {
        closeReceiver(receiverWindow);
        return finishPermissions();
      }
      if (pending.login && (fields.session !== undefined || fields.cancel !== undefined)) {
        closeReceiver(receiverWindow);
        return finishLogin(fields.session === undefined ? null : parseSession(fields.session), fields.installed !== undefined);
      }
    },
  };

  function closeReceiver(receiverWindow) {
    if (receiverWindow && receiverWindow !== window && receiverWindow.opener) {
      try {
        receiverWindow.close();
      } catch (ignored) {
        // Not ours to close.
      }
    }
  }

  // ---- Status check ------------------------------------------------------------------------

  function checkStatusWithHearth(done) {
    var held = sessionFromCookies();
    var url =
      ORIGINS.pages +
      '/extern/login_status.php?' +
      query({ api_key: settings.apiKey, extern: 2, channel: settings.receiverUrl, locale: 'en_US', session_key: held ? held.session_key : undefined });
    var check = { done: done };
    pending.status = check;
    check.frame = hiddenFrame(url);
    // No answer (the page could not be framed, or the network failed): keep what the cookies say.
    check.timer = setTimeout(function () {
      if (pending.status === check) finishStatus(null);
    }, 10000);
  }

  function finishStatus(fields) {
    var check = pending.status;
    pending.status = null;
    clearTimeout(check.timer);
    removeFrame(check.frame);
    if (!fields) return check.done(null);
    var state = Number(fields.state);
    var session = fields.session === undefined ? null : parseSession(fields.session);
    check.done(state === ConnectState.connected && session ? { state: state, session: session } : { state: state || ConnectState.userNotLoggedIn, session: null });
  }

  /**
   * The first check of a page: a session in the cookies is asked about over the API (which
   * works whatever the browser sends Hearth's frames); without one, Hearth's status page says
   * whether the visitor is signed in there and has allowed the app.
   */
  function determineStatus(done) {
    var held = sessionFromCookies();
    if (held && held.secret) {
      current.session = held;
      apiCall('users.getLoggedInUser', {}, function (uid, error) {
        if (!error && String(uid) === String(held.uid)) return done(ConnectState.connected, held);
        if (error && !error.error_code) return done(ConnectState.connected, held); // no answer: trust the cookies
        current.session = null;
        checkStatusWithHearth(function (answer) {
          done(answer ? answer.state : ConnectState.userNotLoggedIn, answer && answer.session);
        });
      });
      return;
    }
    checkStatusWithHearth(function (answer) {
      if (answer) return done(answer.state, answer.session);
      // No answer and no usable cookies: not connected, as far as this page can tell.
      done(held ? ConnectState.connected : ConnectState.userNotLoggedIn, held);
    });
  }

  // ---- The REST API over JSONP, signed with the session secret ---------------------------

  var lastCallId = 0;
  var callbackCount = 0;
  FB.RestServer = FB.RestServer || {};
  FB.RestServer._callbacks = FB.RestServer._callbacks || {};

  function wireValue(value) {
    if (value === null || value === undefined) return '';
    if (Object.prototype.toString.call(value) === '[object Array]') {
      for (var i = 0; i < value.length; i++) if (typeof value[i] === 'object' && value[i] !== null) return JSON.stringify(value);
      return value.join(',');
    }
    if (typeof value === 'object') return JSON.stringify(value);
    if (typeof value === 'boolean') return value ? '1' : '0';
    return String(value);
  }

  function apiCall(method, params, callback) {
    var session = current.session;
    if (!settings.apiKey) return later(function () { callback(null, { error_code: 101, error_msg: 'FB.init has not been called' }); });
    if (!session || !session.secret) {
      return later(function () {
        callback(null, { error_code: 102, error_msg: session ? 'this session has no session secret to sign calls in the browser' : 'no session: the visitor is not connected' });
      });
    }
    var name = 'c' + ++callbackCount;
    var callId = Math.max(Date.now(), lastCallId + 1);
    lastCallId = callId;
    var signed = {};
    for (var key in params) if (Object.prototype.hasOwnProperty.call(params, key) && params[key] !== undefined) signed[key] = wireValue(params[key]);
    signed.method = String(method).replace(/^facebook\./, '');
    signed.api_key = settings.apiKey;
    signed.call_id = String(callId);
    signed.format = 'JSON';
    signed.session_key = session.session_key;
    signed.ss = '1';
    signed.v = '1.0';
    signed.callback = 'FB.RestServer._callbacks.' + name;
    signed.sig = signing.signature(signed, session.secret);

    var script = document.createElement('script');
    var finished = false;
    function done(result, error) {
      if (finished) return;
      finished = true;
      delete FB.RestServer._callbacks[name];
      removeFrame(script);
      callback(result, error);
    }
    FB.RestServer._callbacks[name] = function (result) {
      if (result && typeof result === 'object' && result.error_code !== undefined && result.error_msg !== undefined) done(null, result);
      else done(result, null);
    };
    script.onerror = function () {
      done(null, { error_msg: 'the API could not be reached' });
    };
    script.async = true;
    script.src = ORIGINS.api + '/restserver.php?' + query(signed);
    (document.head || document.documentElement).appendChild(script);
  }

  var apiClient = {
    get_session: function () {
      return current.session;
    },
    requireLogin: function (callback) {
      FB.Connect.requireSession(function () {
        call(callback, null);
      });
    },
    callMethod: function (method, params, callback) {
      apiCall(method, params || {}, function (result, error) {
        call(callback, result, error);
      });
    },
    users_getInfo: function (uids, fields, callback) {
      this.callMethod('users.getInfo', { uids: uids, fields: fields }, callback);
    },
    users_getLoggedInUser: function (callback) {
      this.callMethod('users.getLoggedInUser', {}, callback);
    },
    users_hasAppPermission: function (permission, callback) {
      this.callMethod('users.hasAppPermission', { ext_perm: permission }, callback);
    },
    users_isAppUser: function (uid, callback) {
      this.callMethod('users.isAppUser', uid ? { uid: uid } : {}, callback);
    },
    friends_get: function (callback) {
      this.callMethod('friends.get', {}, callback);
    },
    friends_getAppUsers: function (callback) {
      this.callMethod('friends.getAppUsers', {}, callback);
    },
    fql_query: function (fql, callback) {
      this.callMethod('fql.query', { query: fql }, callback);
    },
  };

  // ---- Connect --------------------------------------------------------------------------

  function finishLogin(session, installed) {
    var login = pending.login;
    pending.login = null;
    if (login.popup) login.popup.stopWatching();
    if (session) {
      setState(ConnectState.connected, session);
      call(login.onSession, installed);
      renderAll();
      if (settings.options.reloadIfSessionStateChanged) location.reload();
    } else {
      call(login.onCancel);
    }
  }

  function loginUrl() {
    return (
      ORIGINS.pages +
      '/login.php?' +
      query({
        return_session: 1,
        fbconnect: 1,
        connect_display: 'popup',
        nochrome: 1,
        extern: 2,
        display: 'popup',
        api_key: settings.apiKey,
        v: '1.0',
        next: receiverWith('?fb_login&fname=_opener'),
        cancel_url: receiverWith('#fname=_opener&cancel=login'),
        channel_url: settings.receiverUrl,
        locale: 'en_US',
      })
    );
  }

  function requireSession(callback, cancelCallback) {
    requireInit('FB.Connect.requireSession');
    if (current.state === ConnectState.connected && current.session) return later(function () { call(callback); });
    if (pending.login) {
      if (pending.login.popup) pending.login.popup.window.focus();
      return;
    }
    var login = { onSession: callback, onCancel: cancelCallback };
    pending.login = login;
    // Opened now, in the click that asked for it, or popup blockers step in.
    login.popup = openPopup(loginUrl(), function (why) {
      if (pending.login !== login) return;
      if (why === 'blocked') {
        pending.login = null;
        location.href = loginUrl();
        return;
      }
      // Closed by the person: wait a moment, the receiver may still be delivering the session.
      setTimeout(function () {
        if (pending.login === login) finishLogin(null, false);
      }, 500);
    });
  }

  function finishPermissions() {
    var request = pending.permissions;
    if (!request) return;
    pending.permissions = null;
    if (request.popup) request.popup.stopWatching();
    var asked = request.perms;
    var granted = [];
    var left = asked.length;
    if (left === 0) return call(request.callback, '');
    for (var i = 0; i < asked.length; i++) {
      (function (permission) {
        apiClient.users_hasAppPermission(permission, function (result) {
          if (result === true || result === 1 || result === '1') granted.push(permission);
          if (--left === 0) {
            var ordered = [];
            for (var j = 0; j < asked.length; j++) if (granted.indexOf(asked[j]) >= 0) ordered.push(asked[j]);
            call(request.callback, ordered.join(','));
          }
        });
      })(asked[i]);
    }
  }

  function showPermissionDialog(perms, callback) {
    requireInit('FB.Connect.showPermissionDialog');
    var list = String(perms || '').split(',').map(function (p) { return p.replace(/^\s+|\s+$/g, ''); }).filter(Boolean);
    var request = { perms: list, callback: callback };
    pending.permissions = request;
    var url =
      ORIGINS.pages +
      '/connect/prompt_permissions.php?' +
      query({
        api_key: settings.apiKey,
        v: '1.0',
        ext_perm: list.join(','),
        next: receiverWith('?fb_login&fname=_opener&perms_done=1'),
        next_cancel: receiverWith('#fname=_opener&perms_done=1'),
        display: 'popup',
        fbconnect: 'true',
        extern: 1,
      });
    request.popup = openPopup(url, function () {
      setTimeout(function () {
        if (pending.permissions === request) finishPermissions();
      }, 500);
    });
  }

  function logout(callback) {
    requireInit('FB.Connect.logout');
    var session = current.session;
    setState(ConnectState.userNotLoggedIn, null);
    renderAll();
    if (!session) return later(function () { call(callback); });
    var run = { callback: callback };
    pending.logout = run;
    var url =
      ORIGINS.pages +
      '/logout.php?' +
      query({ app_key: settings.apiKey, session_key: session.session_key, extern: 2, next: receiverWith('#fname=_parent&logout=1') });
    run.frame = hiddenFrame(url);
    // Hearth's answer arrives through the receiver; without one (a network failure), go on anyway.
    run.timer = setTimeout(finishLogout, 10000);
  }

  function finishLogout() {
    var run = pending.logout;
    if (!run) return;
    pending.logout = null;
    clearTimeout(run.timer);
    // Removed after this turn: the receiver inside it is still running.
    later(function () { removeFrame(run.frame); });
    call(run.callback);
  }

  function whenStatus(callback) {
    status.waitUntilReady(callback);
  }

  function goOrCall(target, uid) {
    if (typeof target === 'function') call(target, uid);
    else if (typeof target === 'string' && target !== '') location.href = target;
  }

  FB.Connect = {
    requireSession: requireSession,
    get_status: function () {
      return status;
    },
    ifUserConnected: function (connected, notConnected) {
      whenStatus(function (state) {
        if (state === ConnectState.connected) goOrCall(connected, current.session && current.session.uid);
        else goOrCall(notConnected);
      });
    },
    ifUserNotConnected: function (notConnected, connected) {
      FB.Connect.ifUserConnected(connected, notConnected);
    },
    get_loggedInUser: function () {
      return current.session ? current.session.uid : null;
    },
    showPermissionDialog: showPermissionDialog,
    logout: logout,
    logoutAndRedirect: function (url) {
      logout(function () {
        location.href = url;
      });
    },
    // Outside what Hearth offers: their callbacks hear "not supported" at once.
    showFeedDialog: unsupported('FB.Connect.showFeedDialog'),
    streamPublish: unsupported('FB.Connect.streamPublish'),
    showBookmarkDialog: unsupported('FB.Connect.showBookmarkDialog'),
  };

  function unsupported(name) {
    return function () {
      var callback = null;
      for (var i = arguments.length - 1; i >= 0; i--) if (typeof arguments[i] === 'function') { callback = arguments[i]; break; }
      later(function () { call(callback, null, { error_code: 3, error_msg: name + ' is not supported by Hearth' }); });
    };
  }

  // ---- XFBML --------------------------------------------------------------------------------

  var profiles = {}; // uid → users.getInfo row

  function attr(element, name, fallback) {
    var value = element.getAttribute(name);
    return value === null ? fallback : value;
  }

  function isTrue(element, name, fallback) {
    var value = attr(element, name, null);
    if (value === null) return fallback;
    return value === 'true' || value === '1' || value === 'yes';
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function tags(root, name) {
    var found = [];
    var list = root.getElementsByTagName(name);
    for (var i = 0; i < list.length; i++) found.push(list[i]);
    if (root.nodeType === 1 && root.tagName && root.tagName.toLowerCase() === name) found.unshift(root);
    return found;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  var BUTTON_SIZES = { small: '11px', medium: '13px', large: '16px', xlarge: '20px' };
  var BUTTON_BACKGROUNDS = { white: '#3b5998', light: '#3b5998', dark: '#5f78ab' };

  function renderLoginButton(element) {
    if (!element.hasAttribute('data-hearth-label')) element.setAttribute('data-hearth-label', element.textContent.replace(/^\s+|\s+$/g, ''));
    var connected = current.state === ConnectState.connected;
    clear(element);
    if (connected && !isTrue(element, 'autologoutlink', false)) return;
    var size = attr(element, 'size', 'medium');
    var button = document.createElement('a');
    button.href = '#';
    button.className = 'FBConnectButton FBConnectButton_' + size + (connected ? ' hearth-logout' : ' hearth-login');
    button.setAttribute('role', 'button');
    button.style.cssText =
      'display:inline-block;padding:3px 8px;border-radius:3px;color:#fff;text-decoration:none;font:bold ' +
      (BUTTON_SIZES[size] || BUTTON_SIZES.medium) +
      ' "lucida grande",tahoma,verdana,arial,sans-serif;background:' +
      (BUTTON_BACKGROUNDS[attr(element, 'background', 'white')] || BUTTON_BACKGROUNDS.white);
    var label = element.getAttribute('data-hearth-label');
    var long = attr(element, 'length', 'short') === 'long';
    button.textContent = connected ? 'Logout' : attr(element, 'v', '') === '2' && label ? label : long ? 'Connect with Hearth' : 'Connect';
    button.onclick = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      if (current.state === ConnectState.connected) return logout();
      var onlogin = element.getAttribute('onlogin');
      requireSession(function () {
        // The site's own script, as the tag's attribute gives it.
        if (onlogin) new Function(onlogin).call(element);
      });
      return false;
    };
    element.appendChild(button);
  }

  function uidOf(element) {
    var uid = attr(element, 'uid', 'loggedinuser');
    if (uid === 'loggedinuser') return current.session ? String(current.session.uid) : null;
    return /^\d+$/.test(uid) ? uid : null;
  }

  function renderName(element, profile) {
    var uid = uidOf(element);
    clear(element);
    if (!profile) return;
    var own = current.session && String(current.session.uid) === uid;
    var capitalize = isTrue(element, 'capitalize', false);
    var text;
    if (own && isTrue(element, 'useyou', true)) {
      text = isTrue(element, 'possessive', false) ? 'your' : 'you';
      if (capitalize) text = text.charAt(0).toUpperCase() + text.slice(1);
    } else {
      text = isTrue(element, 'firstnameonly', false) ? profile.first_name : isTrue(element, 'lastnameonly', false) ? profile.last_name : profile.name;
      if (isTrue(element, 'possessive', false)) text += /s$/.test(text) ? '’' : '’s';
    }
    var link = safeUrl(profile.profile_url);
    var node;
    if (isTrue(element, 'linked', true) && link) {
      node = document.createElement('a');
      node.href = link;
    } else node = document.createElement('span');
    node.className = 'FB_Link';
    node.textContent = text;
    element.appendChild(node);
  }

  var PICTURE_FIELDS = { thumb: 'pic_small', small: 'pic_small', normal: 'pic', square: 'pic_square' };

  function renderProfilePic(element, profile) {
    clear(element);
    if (!profile) return;
    var size = attr(element, 'size', 'thumb');
    var picture = safeUrl(profile[PICTURE_FIELDS[size] || 'pic_small']) || safeUrl(profile.pic_square) || safeUrl(profile.pic);
    var frame = document.createElement('span');
    frame.className = 'FB_ProfilePic';
    frame.style.cssText = 'display:inline-block;position:relative';
    var image = document.createElement('img');
    image.alt = profile.name || '';
    image.title = profile.name || '';
    image.className = 'FB_profile_pic fb_profile_pic_rendered';
    if (picture) image.src = picture;
    else image.style.cssText = 'display:inline-block;width:50px;height:50px;background:#d8dfea';
    var node = image;
    var link = safeUrl(profile.profile_url);
    if (isTrue(element, 'linked', true) && link) {
      node = document.createElement('a');
      node.href = link;
      node.appendChild(image);
    }
    frame.appendChild(node);
    if (isTrue(element, 'facebook-logo', false)) {
      var logo = document.createElement('span');
      logo.className = 'FB_logo';
      logo.textContent = 'h';
      logo.style.cssText = 'position:absolute;right:0;bottom:0;background:#3b5998;color:#fff;font:bold 10px sans-serif;padding:0 3px';
      frame.appendChild(logo);
    }
    element.appendChild(frame);
  }

  function renderPromptPermission(element) {
    if (element.getAttribute('data-hearth-rendered') === '1') return;
    element.setAttribute('data-hearth-rendered', '1');
    var link = document.createElement('a');
    link.href = '#';
    while (element.firstChild) link.appendChild(element.firstChild);
    link.onclick = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      var perms = attr(element, 'perms', '');
      var go = function () {
        showPermissionDialog(perms, function (granted) {
          var next = element.getAttribute('next_fbjs');
          if (next) new Function('granted', next).call(element, granted);
        });
      };
      if (current.state === ConnectState.connected) go();
      else requireSession(go);
      return false;
    };
    element.appendChild(link);
  }

  /** Renders every XFBML tag under `root`, fetching the people they name in one users.getInfo. */
  function render(root) {
    var buttons = tags(root, 'fb:login-button');
    for (var b = 0; b < buttons.length; b++) renderLoginButton(buttons[b]);
    var prompts = tags(root, 'fb:prompt-permission');
    for (var p = 0; p < prompts.length; p++) renderPromptPermission(prompts[p]);

    var people = tags(root, 'fb:name').concat(tags(root, 'fb:profile-pic'));
    var wanted = [];
    for (var i = 0; i < people.length; i++) {
      var uid = uidOf(people[i]);
      if (uid === null) clear(people[i]);
      else if (!profiles[uid] && wanted.indexOf(uid) < 0) wanted.push(uid);
    }
    var paint = function () {
      for (var j = 0; j < people.length; j++) {
        var element = people[j];
        var who = uidOf(element);
        if (who === null) continue;
        if (element.tagName.toLowerCase() === 'fb:name') renderName(element, profiles[who]);
        else renderProfilePic(element, profiles[who]);
      }
    };
    if (wanted.length === 0 || !current.session) return paint();
    apiClient.users_getInfo(wanted, ['name', 'first_name', 'last_name', 'pic', 'pic_small', 'pic_square', 'profile_url'], function (rows) {
      if (rows && rows.length) for (var r = 0; r < rows.length; r++) if (rows[r] && rows[r].uid !== undefined) profiles[String(rows[r].uid)] = rows[r];
      paint();
    });
  }

  function renderAll() {
    if (initialised && document.body) render(document.body);
  }

  FB.XFBML = FB.XFBML || {};
  FB.XFBML.Host = {
    parseDomTree: function () {
      whenStatus(function () { renderAll(); });
    },
    parseDomElement: function (element) {
      whenStatus(function () { render(element); });
    },
  };

  // ---- Start ------------------------------------------------------------------------------

  function requireInit(name) {
    if (!settings.apiKey) throw new Error(name + ': call FB.init(api_key, xd_receiver) first');
  }

  function whenDocumentReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback);
    else callback();
  }

  function init(apiKey, receiver, options) {
    if (initialised) return;
    if (!apiKey) throw new Error('FB.init: the api_key is missing');
    initialised = true;
    settings.apiKey = String(apiKey);
    settings.receiverUrl = new URL(receiver || '/xd_receiver.htm', location.href).href.replace(/#.*$/, '');
    settings.options = options || {};
    // A page asked to be its own receiver runs nothing of the app's.
    if (/[?&]fbc_channel=1(&|$)/.test(location.search)) return;
    if (typeof settings.options.ifUserConnected === 'function' || typeof settings.options.ifUserNotConnected === 'function') {
      FB.Connect.ifUserConnected(settings.options.ifUserConnected, settings.options.ifUserNotConnected);
    }
    var hadSession = sessionFromCookies() !== null;
    whenDocumentReady(function () {
      determineStatus(function (state, session) {
        setState(state, session);
        initDone.setResult(true);
        renderAll();
        var hasSession = state === ConnectState.connected;
        if (settings.options.reloadIfSessionStateChanged && hadSession !== hasSession) location.reload();
      });
    });
  }

  FB.init = init;
  FB.Facebook = FB.Facebook || {};
  FB.Facebook.init = init;
  FB.Facebook.apiClient = apiClient;
  FB.Facebook.get_sessionState = function () {
    return sessionState;
  };
  FB.Facebook.get_sessionWaitable = FB.Facebook.get_sessionState;
  FB.ensureInit = function (callback) {
    if (typeof callback !== 'function') throw new Error('FB.ensureInit needs a callback');
    initDone.waitUntilReady(function () { call(callback); });
  };
  FB.Bootstrap = FB.Bootstrap || {};
  FB.Bootstrap.requireFeatures = function (features, callback) {
    // Everything is loaded already; the callback still runs later, as after a download.
    later(function () { call(callback); });
  };
  window.FB_RequireFeatures = FB.Bootstrap.requireFeatures;

  // IE's namespace for the fb: tags.
  try {
    if (document.namespaces && !document.namespaces.fb) document.namespaces.add('fb', 'http://www.facebook.com/2008/fbml');
  } catch (ignored) {
    // Only old IE has document.namespaces.
  }

  // <script src=".../FeatureLoader.js.php" fb-api-key="KEY" fb-xd-receiver="/xd_receiver.htm">
  var scripts = document.getElementsByTagName('script');
  for (var s = scripts.length - 1; s >= 0; s--) {
    var key = scripts[s].getAttribute('fb-api-key');
    if (key && /FeatureLoader\.js\.php/.test(scripts[s].src)) {
      var receiver = scripts[s].getAttribute('fb-xd-receiver');
      FB_RequireFeatures(['XFBML'], function () { init(key, receiver || '/xd_receiver.htm'); });
      break;
    }
  }
})();
