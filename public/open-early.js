// A map link asks for its participant id before the app's code loads (see takeEarlyParticipant in src/sync/api.ts).
!function () {
  var m = /^\/m\/([\w-]{1,64})\/?$/.exec(location.pathname), t = m && new URLSearchParams(location.hash.slice(1)).get('token')
  if (!t || localStorage.getItem('journey:participant:' + m[1])) return
  window.__journeyEarlyParticipant = { mapId: m[1], token: t, response: fetch('/api/maps/' + m[1] + '/participants', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + t }, body: '{}' }) }
}()
