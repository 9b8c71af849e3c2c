// The class's WebSocket: JSON messages `state`, `participants`, `values`
// (and `leaderboard` for a WOD class). Reconnects with a growing pause after a
// network drop; not after a normal close (the class ended) or a refusal.
const FINAL_CLOSES = new Set([1000, 1003, 1007, 1008, 1009]);
const MAX_PAUSE_MS = 15000;

// The ws:// URL of a class socket path (/live/ABC123/ws) for this page.
export function socketUrl(path, token) {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

// onMessage(message) for each message; onStatus('open' | 'closed' | 'retrying', closeEvent).
export function openClassSocket(path, token, { onMessage, onStatus = () => {} }) {
  let socket = null;
  let pauseMs = 1000;
  let stopped = false;

  const connect = () => {
    socket = new WebSocket(socketUrl(path, token));
    socket.onopen = () => { pauseMs = 1000; onStatus('open'); };
    socket.onmessage = (event) => {
      try { onMessage(JSON.parse(event.data)); } catch { /* not ours to crash on */ }
    };
    socket.onclose = (event) => {
      if (stopped || FINAL_CLOSES.has(event.code)) { onStatus('closed', event); return; }
      onStatus('retrying', event);
      setTimeout(() => { if (!stopped) connect(); }, pauseMs);
      pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
    };
  };
  connect();
  return {
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    close() { stopped = true; if (socket) socket.close(1000); },
  };
}
