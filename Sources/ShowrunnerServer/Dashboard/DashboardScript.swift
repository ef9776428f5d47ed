/// The dashboard's only script, served by the binary at `/assets/dashboard.js`: relative times, live updates from
/// `/api/events` (it re-reads the page and swaps the `data-live` regions), and buttons that post without leaving
/// the page.
enum DashboardScript {
    static let source = #"""
        (function () {
          'use strict';
          var body = document.body;
          function relative(date) {
            var s = (date - Date.now()) / 1000, m = Math.abs(s), a;
            if (m < 45) return 'now';
            if (m < 3600) a = Math.round(m / 60) + ' min';
            else if (m < 172800) a = Math.round(m / 3600) + ' h';
            else a = Math.round(m / 86400) + ' d';
            return s > 0 ? 'in ' + a : a + ' ago';
          }
          function refreshTimes() {
            document.querySelectorAll('time[datetime]').forEach(function (t) {
              var r = t.querySelector('.rel');
              if (r) r.textContent = relative(new Date(t.getAttribute('datetime')));
            });
          }
          var pending = null, loading = false, again = false;
          function reloadRegions() {
            if (loading) { again = true; return; }
            loading = true;
            fetch(location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); })
              .then(function (text) {
                var doc = new DOMParser().parseFromString(text, 'text/html');
                document.querySelectorAll('[data-live]').forEach(function (el) {
                  var fresh = doc.getElementById(el.id);
                  if (fresh && fresh.innerHTML !== el.innerHTML) el.innerHTML = fresh.innerHTML;
                });
                refreshTimes();
              }).catch(function () {}).then(function () {
                loading = false;
                if (again) { again = false; schedule(); }
              });
          }
          function schedule() {
            if (pending) return;
            pending = setTimeout(function () { pending = null; reloadRegions(); }, 250);
          }
          var types = ['run.queued', 'run.started', 'step.started', 'step.finished', 'run.finished', 'reload',
            'diagnostics.changed', 'account.changed', 'reset'];
          function onEvent(e) {
            body.setAttribute('data-last-event', e.type);
            var data = {};
            try { data = JSON.parse(e.data || '{}'); } catch (x) {}
            var run = body.getAttribute('data-run');
            if (run && data.run_id && data.run_id !== run) return;
            if (run && e.type === 'run.finished') { setTimeout(function () { location.reload(); }, 300); return; }
            if (document.querySelector('[data-live]')) schedule();
          }
          if (window.EventSource) {
            var live = document.getElementById('live');
            var source = new EventSource('/api/events');
            source.onopen = function () { if (live) { live.textContent = 'live'; live.className = 'live on'; } };
            source.onerror = function () { if (live) { live.textContent = 'offline'; live.className = 'live'; } };
            types.forEach(function (t) { source.addEventListener(t, onEvent); });
          }
          document.addEventListener('submit', function (e) {
            var form = e.target;
            if (!form.hasAttribute('data-async')) return;
            e.preventDefault();
            fetch(form.action, {
              method: 'POST', credentials: 'same-origin',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams(new FormData(form)).toString()
            }).then(function (r) {
              body.setAttribute('data-last-action', form.action + ' ' + r.status);
              schedule();
            });
          });
          refreshTimes();
          setInterval(refreshTimes, 30000);
        })();
        """#
}
