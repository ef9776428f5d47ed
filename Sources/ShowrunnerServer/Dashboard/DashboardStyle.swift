/// The dashboard's stylesheet, served by the binary at `/assets/dashboard.css` (no CDN, works offline).
enum DashboardStyle {
    static let source = """
        :root { --ok: #2a9d3f; --bad: #d62828; --run: #1d6fd6; --wait: #9a9a9a; --warn: #e09f1f; --fg: #1d1d1f;
          --muted: #6b6b70; --line: #e3e3e8; font-family: system-ui, sans-serif; color: var(--fg); }
        body { margin: 0; background: #fafafc; }
        header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.2rem; background: #fff;
          border-bottom: 1px solid var(--line); }
        header nav a { margin-right: 1rem; color: var(--fg); text-decoration: none; }
        header nav a[aria-current] { font-weight: 600; border-bottom: 2px solid var(--run); }
        .live { font-size: .8rem; color: var(--muted); margin-left: auto; }
        .live.on { color: var(--ok); }
        .signout button { font-size: .8rem; }
        main { padding: 1rem 1.2rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); font-size: .9rem;
          vertical-align: top; }
        th { font-weight: 600; color: var(--muted); }
        .muted, .rel { color: var(--muted); }
        .rel { font-size: .8rem; }
        .badge { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .75rem; margin: 0 .2rem .2rem 0;
          background: #eee; }
        .badge.paused { background: #fde7c0; } .badge.auth { background: #f9d0d0; } .badge.quota { background: #dfe8fb; }
        .badge.lastgood { background: #efe0fa; }
        .status { font-weight: 600; }
        .status-succeeded { color: var(--ok); } .status-failed { color: var(--bad); }
        .status-running, .status-queued { color: var(--run); } .status-cancelled, .status-missed, .status-skipped {
          color: var(--wait); }
        .marks { white-space: nowrap; }
        .mark { display: inline-block; width: .55rem; height: .9rem; margin-right: 1px; border-radius: 2px;
          background: var(--wait); }
        .mark.succeeded { background: var(--ok); } .mark.failed { background: var(--bad); }
        .mark.running, .mark.queued { background: var(--run); } .mark.skipped, .mark.missed { background: #ccc; }
        form.inline { display: inline; }
        button { cursor: pointer; font-size: .8rem; }
        .filters { display: flex; gap: .6rem; align-items: end; flex-wrap: wrap; margin-bottom: .8rem; }
        .pager { margin: .8rem 0; display: flex; gap: 1rem; }
        pre { background: #f1f1f4; padding: .6rem; overflow: auto; max-height: 20rem; font-size: .8rem; }
        .artifacts { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: flex-start; }
        .artifacts img, .artifacts video { max-width: 360px; max-height: 480px; border: 1px solid var(--line); }
        svg text { font-size: 11px; font-family: system-ui, sans-serif; }
        .diag { font-family: ui-monospace, monospace; font-size: .85rem; }
        .error { color: var(--bad); } .warning { color: var(--warn); }
        .chart { background: #fff; border: 1px solid var(--line); padding: .4rem; margin-bottom: 1rem;
          overflow-x: auto; }
        .chart svg { max-width: 100%; height: auto; }
        pre.source { margin: .2rem 0 .4rem; max-height: none; }
        table.figures { width: auto; margin-bottom: 1rem; } table.figures th { padding-right: 1.5rem; }
        """
}
