/**
 * The embeddable chat widget, served as `GET /widget.js`:
 *   <script src="https://support.example.com/widget.js" data-locale="en" async></script>
 * Dependency-free; a button and a panel inside a shadow root (page styles cannot leak in or
 * out); it connects to the chat WebSocket of the origin it was loaded from. Every piece of text
 * — the customer's, the bot's, the agent's — is set with textContent, never as HTML.
 */
export const WIDGET_JS = String.raw`(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__loopdeskChat) return;
  window.__loopdeskChat = true;
  var origin = new URL(script.src, location.href).origin;
  var lang = script.getAttribute('data-locale') || (navigator.language || '').toLowerCase();
  var locale = lang.indexOf('zh') === 0 ? 'zh-CN' : 'en';
  var T = locale === 'en'
    ? { title: 'Customer service', placeholder: 'Type your question…', send: 'Send', open: 'Chat with us', error: 'Not sent: ', offline: 'Reconnecting…' }
    : { title: '在线客服', placeholder: '请输入您的问题…', send: '发送', open: '在线咨询', error: '未发送：', offline: '正在重新连接…' };
  var KEY = 'loopdesk-chat:' + origin;

  var host = document.createElement('div');
  host.setAttribute('data-loopdesk-chat', '');
  var root = host.attachShadow({ mode: 'open' });
  var style = document.createElement('style');
  style.textContent = [
    ':host{all:initial}',
    '.btn{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#2563eb;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2)}',
    '.panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:min(360px,calc(100vw - 40px));height:min(520px,calc(100vh - 120px));display:none;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);font:14px/1.45 system-ui,sans-serif;color:#111;overflow:hidden}',
    '.panel.open{display:flex}',
    '.head{background:#2563eb;color:#fff;padding:10px 14px;font-weight:600}',
    '.log{flex:1;overflow-y:auto;padding:10px;background:#f8fafc}',
    '.m{margin:6px 0;max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;word-break:break-word}',
    '.customer{margin-left:auto;background:#2563eb;color:#fff}',
    '.bot,.agent{background:#fff;border:1px solid #e2e8f0}',
    '.system,.err{margin:6px auto;font-size:12px;color:#64748b;background:none}',
    '.err{color:#b91c1c}',
    '.opts{display:flex;flex-wrap:wrap;gap:6px;margin:4px 0 8px}',
    '.opt{border:1px solid #2563eb;background:#fff;color:#2563eb;border-radius:14px;padding:4px 10px;cursor:pointer;font:inherit}',
    'a{color:#2563eb}',
    'form{display:flex;border-top:1px solid #e2e8f0}',
    'input{flex:1;border:0;padding:12px;font:inherit;outline:none}',
    'form button{border:0;background:none;color:#2563eb;font-weight:600;padding:0 14px;cursor:pointer}'
  ].join('\n');
  root.appendChild(style);

  var button = el('button', 'btn', T.open);
  var panel = el('div', 'panel');
  var head = el('div', 'head', T.title);
  var log = el('div', 'log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  var form = document.createElement('form');
  var input = document.createElement('input');
  input.placeholder = T.placeholder;
  input.maxLength = 2000;
  var send = el('button', '', T.send);
  send.type = 'submit';
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(head);
  panel.appendChild(log);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(button);
  document.body.appendChild(host);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var ws = null;
  var seen = {};
  var counter = 0;
  var retry = 0;

  function show(m) {
    if (seen[m.id]) return;
    seen[m.id] = true;
    var box = el('div', 'm ' + m.sender, m.body);
    if (m.article && /^\/[^/]/.test(m.article.url)) {
      box.appendChild(document.createElement('br'));
      var a = el('a', '', m.article.title);
      a.href = origin + m.article.url;
      a.target = '_blank';
      a.rel = 'noopener';
      box.appendChild(a);
    }
    log.appendChild(box);
    if (m.options && m.options.length) {
      var opts = el('div', 'opts');
      m.options.forEach(function (o) {
        var b = el('button', 'opt', o.label);
        b.type = 'button';
        b.addEventListener('click', function () { post(o.value); });
        opts.appendChild(b);
      });
      log.appendChild(opts);
    }
    log.scrollTop = log.scrollHeight;
  }

  function note(text, cls) {
    log.appendChild(el('div', 'm ' + (cls || 'system'), text));
    log.scrollTop = log.scrollHeight;
  }

  function connect() {
    var url = new URL('/api/v1/chat/ws', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    var token = sessionStorage.getItem(KEY);
    if (token) url.searchParams.set('session', token);
    url.searchParams.set('locale', locale);
    ws = new WebSocket(url.toString());
    ws.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      if (f.type === 'welcome') {
        retry = 0;
        if (f.sessionToken) sessionStorage.setItem(KEY, f.sessionToken);
        (f.messages || []).forEach(show);
      } else if (f.type === 'message') {
        show(f.message);
      } else if (f.type === 'error') {
        if (f.code === 'not_found') sessionStorage.removeItem(KEY);
        note(T.error + f.message, 'err');
      }
    };
    ws.onclose = function () {
      ws = null;
      if (panel.classList.contains('open')) {
        note(T.offline);
        setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, retry++)));
      }
    };
  }

  function post(text) {
    text = String(text || '').trim();
    if (!text || !ws || ws.readyState !== 1) return;
    ws.send(JSON.stringify({ type: 'message', text: text, clientId: 'w' + Date.now().toString(36) + '-' + (counter++) }));
  }

  button.addEventListener('click', function () {
    panel.classList.toggle('open');
    if (panel.classList.contains('open')) {
      if (!ws) connect();
      input.focus();
    }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    post(input.value);
    input.value = '';
  });
})();
`;
