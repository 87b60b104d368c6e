// A map link, in a browser new to the map, starts opening it before the app's code loads: see src/sync/earlySocket.ts.
!function () {
  var m = /^\/m\/([\w-]{1,64})\/?$/.exec(location.pathname), t = m && new URLSearchParams(location.hash.slice(1)).get('token'), w = window
  if (!t || localStorage.getItem('journey:participant:' + m[1])) return
  var r = fetch('/api/maps/' + m[1] + '/participants', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + t }, body: '{}' })
  w.__journeyEarlyParticipant = { mapId: m[1], token: t, response: r }
  if (localStorage.getItem('journey:identity')) r.then(function (res) { return res.ok && res.clone().json() }).then(function (p) {
    if (!p || typeof p.participantToken != 'string') return
    var u = (location.protocol == 'https:' ? 'wss://' : 'ws://') + location.host + '/sync/' + m[1] + '?token=' + encodeURIComponent(t) + '&participant=' + encodeURIComponent(p.participantToken) + '&state=empty'
    var s = new WebSocket(u), k = ['open', 'message', 'error', 'close'], h = { url: u, socket: s, events: [] }, keep = function (e) { h.events.push(e) }
    s.binaryType = 'arraybuffer'
    h.stop = function () { k.forEach(function (e) { s.removeEventListener(e, keep) }) }
    k.forEach(function (e) { s.addEventListener(e, keep) })
    w.__journeyEarlySocket = h
    setTimeout(function () { if (w.__journeyEarlySocket == h) delete w.__journeyEarlySocket, h.stop(), s.close() }, 30000)
  }).catch(function () {})
}()
