// Runs before the app's code has loaded (index.html). On a map link, it asks at once for this
// browser's participant id on the map (src/sync/api.ts, takeEarlyParticipant, takes the answer):
// the relay starts loading the map on that request, while the page is still loading its code.
;(function () {
  var path = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/.exec(location.pathname)
  var token = path && new URLSearchParams(location.hash.slice(1)).get('token')
  if (!token) return
  var known = null
  try {
    known = JSON.parse(localStorage.getItem('journey:participant:' + path[1]) || 'null')
  } catch (e) {}
  known = known && typeof known.participantToken === 'string' ? known.participantToken : undefined
  window.__journeyEarlyParticipant = {
    mapId: path[1],
    token: token,
    known: known,
    response: fetch('/api/maps/' + path[1] + '/participants', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify(known ? { participantToken: known } : {}),
    }),
  }
})()
